/**
 * `/play/<id>/` (the page a room's QR code opens, with that scenario's JSON preloaded) is the
 * same as `#/play/<id>`. Imported first by main.ts, so the address is rewritten before anything
 * reads `location.hash`.
 */
const pathForm = /^\/play\/([A-Za-z0-9_-]+)\/?(?:index\.html)?$/.exec(location.pathname);
if (pathForm && !location.hash.startsWith('#/')) history.replaceState(history.state, '', `/#/play/${pathForm[1]}${location.search}`);
