// The web app's service worker: it shows the pushes pulse-server sends while the app is
// closed or out of sight, and a tap on one opens its case. It caches and fetches
// nothing (the app keeps its own data offline), so it never stands between the app and
// the network. dx copies public/ to the root of the web build: served as /sw.js, its
// scope is the whole app. What a push carries is pulse-protocol's PushMessage
// (crates/protocol/src/push.rs): { title, body, tag, case_id, event_id, url }.

self.addEventListener('install', () => self.skipWaiting());

// Open pages come under this worker at once, so that a tap can lead them to a case.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = (event.data && event.data.json()) || {};
  } catch (_) {
    // Not the server's JSON: still shown, as every push must be (userVisibleOnly).
  }
  const options = {
    body: message.body || '',
    data: { url: message.url || '/', case_id: message.case_id, event_id: message.event_id },
  };
  // One tag per event: a push delivered twice replaces itself instead of showing twice.
  if (message.tag) options.tag = message.tag;
  event.waitUntil(self.registration.showNotification(message.title || 'Pulse Companion', options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const origin = self.location.origin;
  const asked = new URL((event.notification.data && event.notification.data.url) || '/', origin);
  // Only ever somewhere in the app itself.
  const url = asked.origin === origin ? asked.href : origin + '/';
  const isApp = (client) => {
    const at = new URL(client.url);
    return at.origin === origin && !at.pathname.startsWith('/console');
  };
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of open.filter(isApp)) {
      let moved;
      try {
        moved = await client.navigate(url);
      } catch (_) {
        // Not a page this worker may lead (not under it yet): a window of its own then.
        continue;
      }
      // Brought to the front when the browser lets it (only a person's tap may).
      await (moved || client).focus().catch(() => {});
      return;
    }
    await self.clients.openWindow(url);
  })());
});
