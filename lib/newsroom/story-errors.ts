/**
 * The stories door's refusals (lib/newsroom/stories.ts): callers answer 403 and 404.
 */

/** The staff member's role does not allow this on this story (answer 403; nothing changed). */
export class NewsroomForbiddenError extends Error {
  constructor(message = "You may not do that to this story") {
    super(message);
    this.name = "NewsroomForbiddenError";
  }
}

/** No such story (answer 404). */
export class NewsroomNotFoundError extends Error {
  constructor(message = "No such story") {
    super(message);
    this.name = "NewsroomNotFoundError";
  }
}
