// Reads WARC files with webrecorder's warcio (an independent reader) and prints one JSON line per record: its type,
// target URI, HTTP status and the SHA-1 of its payload as warcio reads it. Usage: node warcio-read.cjs WARCIO_DIR FILE...
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const { WARCParser } = require(path.join(process.argv[2], 'node_modules', 'warcio'));

(async () => {
  for (const file of process.argv.slice(3)) {
    const parser = new WARCParser(fs.createReadStream(file));
    for await (const record of parser) {
      const payload = await record.readFully(false);
      console.log(JSON.stringify({
        type: record.warcType,
        uri: record.warcTargetURI || null,
        status: record.httpHeaders && record.httpHeaders.statusCode ? Number(record.httpHeaders.statusCode) : null,
        sha1: crypto.createHash('sha1').update(payload).digest('hex'),
        length: payload.length,
      }));
    }
  }
})().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
