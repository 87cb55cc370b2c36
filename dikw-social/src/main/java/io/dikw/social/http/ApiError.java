package io.dikw.social.http;

/**
 * The body of every error response: {@code {"error": "..."}}. The message says what was wrong
 * and how to fix it; it never carries a stack trace.
 *
 * @param error what went wrong and what to do about it
 */
public record ApiError(String error) {
}
