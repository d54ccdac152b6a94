// Answers for the tests in tests/Cake.Release.Tests/Interop: one JSON request on stdin, one JSON answer on stdout.
//   {"semver": {"pairs": [["1.0.0-a", "1.0.0-b"], ...], "valid": ["01.2.3", ...]}}
//     → {"semver": {"compare": [-1, ...], "valid": [null | "normalized", ...]}}   (node-semver, strict: loose false)
//   {"commits": ["feat: x\n\nBREAKING CHANGE: y", ...]}
//     → {"commits": [{"header", "type", "notes": [{"title", "text"}]}, ...]}      (conventional-commits-parser, defaults)
import semver from 'semver';
import { CommitParser } from 'conventional-commits-parser';

// node-semver throws on a version it cannot read; the answer is then null.
const attempt = (f) => { try { return f(); } catch { return null; } };

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const answer = {};

if (request.semver) {
  const strict = { loose: false };
  answer.semver = {
    compare: (request.semver.pairs ?? []).map(([a, b]) => attempt(() => semver.compare(a, b, strict))),
    valid: (request.semver.valid ?? []).map((v) => semver.valid(v, strict)),
  };
}

if (request.commits) {
  const parser = new CommitParser();
  answer.commits = request.commits.map((message) => {
    const commit = parser.parse(message);
    return { header: commit.header, type: commit.type, notes: commit.notes.map(({ title, text }) => ({ title, text })) };
  });
}

process.stdout.write(JSON.stringify(answer));
