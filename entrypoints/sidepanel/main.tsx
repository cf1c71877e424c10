import { startPanel } from '../../src/ui/panel/start';

startPanel();
