// A small HTTP server on 127.0.0.1 for tests/link_check_test.cpp: pages
// that answer well, are missing, redirect, are slow, ask to come back later
// (429 with Retry-After) or refuse HEAD. Prints its port, counts requests
// (GET /stats), and exits on GET /quit or after a minute.
import http from 'node:http';

const counts = {};
let busyAnswered = false;
const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  const key = `${req.method} ${path}`;
  if (path !== '/stats' && path !== '/quit') counts[key] = (counts[key] || 0) + 1;
  const send = (status, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : `<p>${status}</p>`);
  };
  switch (path) {
    case '/ok': return send(200);
    case '/missing': return send(404);
    case '/redirect': return send(302, { Location: '/ok' });
    case '/redirect-missing': return send(301, { Location: '/missing' });
    case '/slow': return setTimeout(() => send(200), 3000);
    case '/busy':
      if (!busyAnswered) {
        busyAnswered = true;
        return send(429, { 'Retry-After': '1' });
      }
      return send(200);
    case '/head-refused': return req.method === 'HEAD' ? send(405) : send(200);
    case '/stats':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(counts));
    case '/quit':
      res.end('bye');
      server.close();
      return process.exit(0);
    default: return send(404);
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
setTimeout(() => process.exit(0), 60000).unref();
