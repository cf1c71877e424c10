/**
 * Small pure helpers for the curation section of the options page: unique
 * element ids per resource, today's date, and the one-line summary of where a
 * service came from and when it was last checked.
 */
import type { Curation } from '../../directory/resource';
import type { SearchHit } from '../../messaging/protocol';
import { needLabel } from '../../prompts/needs';

/** The part of a curation a practice manager edits (what 'directory.curate' takes). */
export type CurationChange = Partial<Pick<Curation, 'recommended' | 'note' | 'hidden' | 'verifiedOn'>>;

/**
 * An element id for one resource. Resource ids hold ':' and other characters,
 * and two ids may differ only there, so a short hash keeps every id unique.
 */
export function curationDomId(resourceId: string): string {
  let hash = 5381;
  for (let i = 0; i < resourceId.length; i++) hash = ((hash * 33) ^ resourceId.charCodeAt(i)) >>> 0;
  const readable = resourceId.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40);
  return `cur-${readable}-${hash.toString(36)}`;
}

/** Today's date in the practice's own time zone, as yyyy-mm-dd (UTC would be yesterday just after midnight in summer). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a change did, in words, for the "Saved" message. */
export function describeChange(change: CurationChange): string {
  if (change.recommended !== undefined) return change.recommended ? 'marked as recommended by the practice' : 'no longer marked as recommended';
  if (change.hidden !== undefined) return change.hidden ? 'hidden from the sidebar and popup' : 'shown in the sidebar and popup again';
  if (change.verifiedOn !== undefined) return `marked as checked on ${change.verifiedOn}`;
  if (change.note !== undefined) return change.note.trim() ? 'practice note saved' : 'practice note removed';
  return 'no change';
}

/** The facts line under a service's name: needs, source, last updated and last checked. */
export function hitFacts(hit: SearchHit, curation: CurationChange | undefined): { label: string; value: string }[] {
  const r = hit.resource;
  return [
    { label: 'Needs', value: r.needs.length > 0 ? r.needs.map(needLabel).join(', ') : 'none recorded' },
    { label: 'Source', value: r.source },
    { label: 'Updated at source', value: r.updated ?? 'not given' },
    { label: 'Checked by the practice', value: curation?.verifiedOn ?? 'never' },
  ];
}
