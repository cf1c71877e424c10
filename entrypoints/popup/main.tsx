import { PopupApp } from '../../src/ui/popup/PopupApp';
import { mountPage } from '../../src/ui/shared/page';

mountPage('popup', <PopupApp />, 'body{width:400px;min-height:480px;margin:0;font:15px/1.45 system-ui,sans-serif;color:#1b1b1b} .popup{padding-bottom:8px}');
