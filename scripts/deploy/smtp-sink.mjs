#!/usr/bin/env node
// A local SMTP sink for trying the server's mail set-up (docs/deploy.md, "SMTP"): it accepts every mail on
// 127.0.0.1, writes it to a folder as an .eml file and prints one line per mail. It never relays anything.
//
//   node scripts/deploy/smtp-sink.mjs [--port 2525] [--host 127.0.0.1] [--dir /tmp/hp-mails]
//
// It speaks the part of SMTP (RFC 5321) that a client without authentication and TLS needs: EHLO/HELO, MAIL, RCPT,
// DATA (with the dot-stuffing of §4.5.2 undone), RSET, NOOP, QUIT. No STARTTLS or AUTH is offered, so point the
// server at it with a plain `smtp://127.0.0.1:<port>` URL.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '2525' }, host: { type: 'string', default: '127.0.0.1' }, dir: { type: 'string', default: '/tmp/hp-mails' } },
});
mkdirSync(values.dir, { recursive: true });
// Numbered on from the files already there, so a restarted sink never overwrites a mail.
let received = readdirSync(values.dir).filter((name) => name.endsWith('.eml')).length;

/** The Subject header of a raw message, unfolded (RFC 5322 §2.2.3; RFC 2047 words stay encoded), or "". */
const subjectOf = (raw) => /^subject: *(.*)$/im.exec((raw.split(/\r\n\r\n/, 1)[0] ?? '').replace(/\r\n[ \t]+/g, ' '))?.[1] ?? '';

/**
 * One SMTP conversation on `socket`: answers each command line with a reply code (RFC 5321 §4.2) and, after DATA, reads
 * the message up to the line holding a single dot, then stores it with its envelope.
 */
function converse(socket) {
  let envelope = { from: '', to: [] };
  let data = null;
  let buffer = '';
  const reply = (line) => socket.write(`${line}\r\n`);
  const store = () => {
    const raw = data.join('\r\n');
    const file = join(values.dir, `${String(++received).padStart(4, '0')}.eml`);
    writeFileSync(file, `X-Envelope-From: ${envelope.from}\r\nX-Envelope-To: ${envelope.to.join(', ')}\r\n${raw}\r\n`);
    console.log(`mail ${received}: from ${envelope.from} to ${envelope.to.join(', ')}, ${raw.length} bytes, subject "${subjectOf(raw)}" -> ${file}`);
    envelope = { from: '', to: [] };
    data = null;
    reply('250 2.0.0 stored');
  };
  const command = (line) => {
    const verb = line.slice(0, 4).toUpperCase();
    if (verb === 'EHLO' || verb === 'HELO') return reply('250 hausportal-smtp-sink');
    if (verb === 'MAIL') return (envelope = { from: /<(.*)>/.exec(line)?.[1] ?? '', to: [] }), reply('250 2.1.0 ok');
    if (verb === 'RCPT') return envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? ''), reply('250 2.1.5 ok');
    if (verb === 'DATA') return envelope.to.length === 0 ? reply('503 5.5.1 RCPT first') : ((data = []), reply('354 end with <CRLF>.<CRLF>'));
    if (verb === 'RSET') return (envelope = { from: '', to: [] }), reply('250 2.0.0 ok');
    if (verb === 'NOOP') return reply('250 2.0.0 ok');
    if (verb === 'QUIT') return reply('221 2.0.0 bye'), socket.end();
    return reply('502 5.5.2 not implemented');
  };
  reply('220 hausportal-smtp-sink ESMTP');
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data === null) command(line);
      else if (line === '.') store();
      else data.push(line.startsWith('.') ? line.slice(1) : line);
    }
  });
  socket.on('error', () => socket.destroy());
}

const server = createServer(converse);
server.listen(Number(values.port), values.host, () => console.log(`SMTP sink on ${values.host}:${server.address().port}, mails to ${values.dir}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
