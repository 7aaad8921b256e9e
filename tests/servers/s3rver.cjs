// Starts s3rver (package-lock.json) for the deploy tests on 127.0.0.1:
//   node s3rver.cjs PORT DIRECTORY KEY_ID SECRET
// with one bucket, "site", and only the given key pair accepted (s3rver's
// built-in S3RVER key is revoked).
'use strict';
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

const [port, directory, keyId, secret] = process.argv.slice(2);
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(keyId, secret);
new S3rver({ port: Number(port), address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'site' }] })
  .run()
  .then(() => console.log('ready'));
