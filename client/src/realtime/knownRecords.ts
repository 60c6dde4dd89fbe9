// What the open screens already know about amendments and comments (who sponsors, who wrote),
// so a change notice can be judged "about you" without another request.
export interface KnownAmendment {
  sponsorStakeholderId: string;
  cosponsorStakeholderIds: readonly string[];
}

export const knownAmendments = new Map<string, KnownAmendment>();
/** commentId → the author's userId */
export const knownCommentAuthors = new Map<string, string>();
