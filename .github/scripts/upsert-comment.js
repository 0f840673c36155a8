// Posts a pull-request comment, or updates the one this workflow posted before (found by its marker
// on the first line), so each push refreshes one comment instead of adding another.
// Used from actions/github-script: require(...)({ github, context, marker, path }).
const fs = require('fs');

module.exports = async ({ github, context, marker, path }) => {
  let body = fs.readFileSync(path, 'utf8');
  if (body.trim() === '') return;  // the command failed before writing anything; its log says why
  if (!body.startsWith(marker)) body = `${marker}\n${body}`;
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const previous = comments.find((comment) => comment.user.type === 'Bot' && comment.body.startsWith(marker));
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
};
