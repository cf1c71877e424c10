/** The demo practice's port, fixed at build time (wxt.config.ts). */
declare const DEMO_PORT: string;
