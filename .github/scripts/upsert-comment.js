// Pull-request comments this workflow owns, found by a marker on their first line.
// Used from actions/github-script: const c = require(...); await c.upsert({...}) / c.markOutdated({...}).
const fs = require('fs');

const OUTDATED = '> [!NOTE]\n> **Outdated:** a later push no longer changes this stack; the preview below is from an earlier commit.';

async function find({ github, context, marker }) {
  const { owner, repo } = context.repo;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: context.issue.number, per_page: 100 });
  return comments.find((comment) => comment.user.type === 'Bot' && comment.body.startsWith(marker));
}

// Posts the file as a comment, or replaces the one posted before, so each push refreshes one comment.
async function upsert({ github, context, marker, path }) {
  let body = fs.readFileSync(path, 'utf8');
  if (body.trim() === '') return 'skipped';  // the command failed before writing anything; its log says why
  if (!body.startsWith(marker)) body = `${marker}\n${body}`;
  const { owner, repo } = context.repo;
  const previous = await find({ github, context, marker });
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
    return 'updated';
  }
  await github.rest.issues.createComment({ owner, repo, issue_number: context.issue.number, body });
  return 'created';
}

// A stack's preview comment from an earlier push, when the latest push no longer changes that stack:
// the note goes on top and the old preview is folded away (kept, so the history stays readable).
async function markOutdated({ github, context, marker }) {
  const previous = await find({ github, context, marker });
  if (!previous || previous.body.includes('**Outdated:**')) return 'unchanged';
  const rest = previous.body.slice(marker.length).replace(/^\n/, '');
  const body = `${marker}\n${OUTDATED}\n\n<details><summary>Earlier preview</summary>\n\n${rest}\n\n</details>\n`;
  const { owner, repo } = context.repo;
  await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
  return 'marked';
}

module.exports = { upsert, markOutdated };
