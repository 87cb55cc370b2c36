/** File input and output for long-running jobs: gzip-aware readers, JSON lines, dead letters. */
package io.dikw.core.io;
