// Opens an issue for a failed operations run, or comments on the one already open for the same workflow,
// so a stack left up over the weekend (or a deploy that did not happen) is seen, once, by the team.
// Used from actions/github-script: await require(...)({ github, context, title, body }).
module.exports = async ({ github, context, title, body }) => {
  const { owner, repo } = context.repo;
  const label = 'infra-alert';
  const open = await github.paginate(github.rest.issues.listForRepo, { owner, repo, state: 'open', labels: label, per_page: 100 });
  const existing = open.find((issue) => issue.title === title && !issue.pull_request);
  if (existing) {
    await github.rest.issues.createComment({ owner, repo, issue_number: existing.number, body });
    return { action: 'commented', number: existing.number };
  }
  const created = await github.rest.issues.create({ owner, repo, title, body, labels: [label] });
  return { action: 'opened', number: created.data.number };
};
