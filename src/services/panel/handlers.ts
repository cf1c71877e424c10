/** Messages from sidebar panels about where they are. */
import { KindedError } from '../../lib/result';
import { sendToTab } from '../../messaging/tab-client';
import type { HandlerGroup } from '../handler-group';

export function panelHandlers(): HandlerGroup<'panel.tab' | 'panel.confirm'> {
  return {
    // The in-page panel is an extension page inside the record tab: the browser, not the page, says which tab.
    'panel.tab': (_payload, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new KindedError('NotFound', 'This panel is not inside a record tab.');
      return { tabId };
    },
    'panel.confirm': async ({ tabId, patientKey }) => {
      const reply = await sendToTab(tabId, 'tab.confirm', { patientKey });
      if (!reply.ok) throw new KindedError('NotFound', reply.error.message);
      return reply.value;
    },
  };
}
