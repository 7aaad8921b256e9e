// Starts s3rver (package-lock.json) for the deploy tests on 127.0.0.1:
//   node s3rver.cjs PORT DIRECTORY KEY_ID SECRET
// with one bucket, "site", and only the given key pair accepted (s3rver's
// built-in S3RVER key is revoked).
//
// s3rver checks the key id of a Signature V4 request but not the signature,
// so PORT is a small front that checks what a real service (OSS, COS)
// checks: the body's SHA-256 equals x-amz-content-sha256, and the signature
// computed with SECRET over the canonical request equals the one sent. A
// request that fails gets S3's 403 SignatureDoesNotMatch; the others go on
// to s3rver on a port of its own.
'use strict';
const crypto = require('crypto');
const http = require('http');
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

const [port, directory, keyId, secret] = process.argv.slice(2);
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(keyId, secret);

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();

// null when the request is signed right, else what is wrong.
function signatureProblem(req, body) {
  const auth = req.headers.authorization || '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return 'no Signature V4 Authorization header';
  const [, id, day, region, service, signedHeaders, signature] = match;
  if (id !== keyId) return null;  // s3rver answers InvalidAccessKeyId itself
  const payloadHash = req.headers['x-amz-content-sha256'];
  if (payloadHash !== sha256(body)) return 'x-amz-content-sha256 is not the SHA-256 of the body';
  const amzDate = req.headers['x-amz-date'] || '';
  const [path, query = ''] = req.url.split('?');
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-content-sha256')) return 'host or x-amz-content-sha256 not signed';
  const canonicalHeaders = names.map((name) => `${name}:${String(req.headers[name] || '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [req.method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac('AWS4' + secret, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const expected = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
  return expected === signature ? null : 'the signature does not match';
}

const inner = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'site' }] });
inner.run().then(({ port: innerPort }) => {
  http
    .createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const problem = signatureProblem(req, body);
        if (problem) {
          res.writeHead(403, { 'Content-Type': 'application/xml' });
          res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`);
          return;
        }
        const forward = http.request(
          { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode, answer.headers);
            answer.pipe(res);
          },
        );
        forward.end(body);
      });
    })
    .listen(Number(port), '127.0.0.1', () => console.log('ready'));
});
