/** JSON for dikw: one shared, configured Jackson mapper and pretty result files. */
package io.dikw.core.json;
