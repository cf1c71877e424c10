import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send } from '../src/messaging/client';
import { startPicker } from '../src/ui/picker/mount';

/**
 * The point-and-click adapter picker, injected into the record tab on demand
 * by the background ('adapter.pick') and built to /picker.js, so none of it
 * weighs on the content script that runs on every record page.
 */
export default defineUnlistedScript(() => {
  startPicker(document, {
    url: location.href,
    title: document.title,
    save: (adapter) => send('adapter.save', { adapter }),
  });
});
