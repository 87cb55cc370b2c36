/** Progress display for long work on a terminal or in a log. */
package io.dikw.core.progress;
