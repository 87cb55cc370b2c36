/** Shared parts of dikw used by every stream-processing module. */
package io.dikw.core;
