/** The Java stream client: sends StingerBatch frames to a graph server's stream port. */
package io.dikw.graph.client;
