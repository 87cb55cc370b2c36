package io.dikw.graph.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dikw.core.json.Json;
import io.dikw.graph.wire.StingerBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON templates: one or more JSON objects shaped like the records, with keyword strings where
 * values are found, e.g. {@code {"user":{"screen_name":"$source_str1"},
 * "entities":{"user_mentions":[{"screen_name":"$destination_str1"}]},"_":"$type_str1=mentioned"}}.
 * An array in the template with one element template matches every element of the record's
 * array. A string of several keywords ({@code "$source_str4 $destination_str4"}) binds all of
 * them; a string of constants only is never looked up. Other record data is ignored.
 */
public final class JsonTemplate implements RecordTemplate {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);
    private static final String ARRAY = "[]";

    /** One keyword-bearing place in a template. */
    private record Binding(List<String> path, List<Keyword> keywords) {
        String where() {
            return String.join(".", path).replace(".[]", "[]");
        }
    }

    /** One template object. */
    private record Shape(List<Binding> bindings, List<Keyword> constants, List<Integer> pairwiseGroups) {
    }

    private final List<Shape> shapes;

    private JsonTemplate(final List<Shape> shapes) {
        this.shapes = shapes;
    }

    /**
     * @param text one or more JSON objects
     * @return the template
     * @throws TemplateException ({@code bad-template}) if the text is not JSON objects with valid keywords
     */
    public static JsonTemplate parse(final String text) {
        final List<Shape> shapes = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                final JsonNode root = it.nextValue();
                if (!root.isObject()) {
                    throw new TemplateException("bad-template", "a JSON template must be an object, got " + root.getNodeType());
                }
                final List<Binding> bindings = new ArrayList<>();
                final List<Keyword> constants = new ArrayList<>();
                compile(root, new ArrayList<>(), bindings, constants);
                final List<Integer> pairwise = new ArrayList<>();
                for (final Binding b : bindings) {
                    if (b.path().contains(ARRAY)) {
                        for (final Keyword s : b.keywords()) {
                            if (s.field() == Keyword.Field.SOURCE_STR || s.field() == Keyword.Field.SOURCE) {
                                for (final Keyword d : b.keywords()) {
                                    if ((d.field() == Keyword.Field.DESTINATION_STR || d.field() == Keyword.Field.DESTINATION)
                                        && d.group() == s.group()) {
                                        pairwise.add(s.group());
                                    }
                                }
                            }
                        }
                    }
                }
                if (bindings.isEmpty()) {
                    throw new TemplateException("bad-template", "template object #" + (shapes.size() + 1)
                        + " has no keyword taken from the record (keywords are strings like \"$source_str1\")");
                }
                final List<Keyword> all = new ArrayList<>(constants);
                bindings.forEach(b -> all.addAll(b.keywords()));
                Keyword.checkGroups(all, "template object #" + (shapes.size() + 1));
                shapes.add(new Shape(bindings, constants, pairwise));
            }
        } catch (final JsonProcessingException e) {
            throw new TemplateException("bad-template", "not valid JSON: " + e.getOriginalMessage() + " at line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (final IOException e) {
            throw new TemplateException("bad-template", "cannot read: " + e.getMessage());
        }
        if (shapes.isEmpty()) {
            throw new TemplateException("bad-template", "the template holds no JSON object");
        }
        return new JsonTemplate(shapes);
    }

    private static void compile(final JsonNode node, final List<String> path, final List<Binding> bindings,
        final List<Keyword> constants) {
        if (node.isObject()) {
            final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> f = fields.next();
                path.add(f.getKey());
                compile(f.getValue(), path, bindings, constants);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            if (node.size() > 1) {
                throw new TemplateException("bad-template", "array at " + String.join(".", path)
                    + " must hold one element template (it matches every element), not " + node.size());
            }
            if (node.size() == 1) {
                path.add(ARRAY);
                compile(node.get(0), path, bindings, constants);
                path.remove(path.size() - 1);
            }
        } else if (node.isTextual() && node.asText().contains("$")) {
            final String text = node.asText().trim();
            if (!text.startsWith("$")) {
                throw new TemplateException("bad-template", "the value '" + node.asText() + "' at "
                    + String.join(".", path) + " mixes $keywords with other words; write every word as a keyword, "
                    + "e.g. \"$source_str1 $destination_str1\"");
            }
            final List<Keyword> fromRecord = new ArrayList<>();
            for (final String token : text.split("\\s+")) {
                final Keyword k = Keyword.parse(token);
                (k.constant() == null ? fromRecord : constants).add(k);
            }
            if (!fromRecord.isEmpty()) {
                bindings.add(new Binding(List.copyOf(path), fromRecord));
            }
        }
    }

    @Override
    public int extract(final String record, final StingerBatch into) {
        final JsonNode root;
        try {
            root = MAPPER.readTree(record);
        } catch (final JsonProcessingException e) {
            throw new TemplateException("malformed-json", "not valid JSON: " + Json.problem(e));
        }
        if (root == null || !root.isObject()) {
            throw new TemplateException("malformed-json", "a record must be a JSON object");
        }
        final List<GroupValues> found = new ArrayList<>(shapes.size());
        for (final Shape shape : shapes) {
            final GroupValues values = new GroupValues();
            for (final Keyword k : shape.constants()) {
                values.add(k, k.constant(), false, "constant");
            }
            for (final int g : shape.pairwiseGroups()) {
                values.pairwise(g);
            }
            for (final Binding b : shape.bindings()) {
                final List<JsonNode> leaves = new ArrayList<>();
                collect(root, b.path(), 0, leaves);
                for (final JsonNode leaf : leaves) {
                    if (leaf.isNull() || leaf.isMissingNode()) {
                        continue;
                    }
                    if (leaf.isContainerNode()) {
                        throw new TemplateException("bad-field", b.where() + " holds " + leaf.getNodeType()
                            + " where the template expects a value for " + b.keywords().get(0).field());
                    }
                    for (final Keyword k : b.keywords()) {
                        values.add(k, leaf.asText(), leaf.isNumber(), b.where());
                    }
                }
            }
            found.add(values);
        }
        return GroupValues.emitAll(found, into, "the record matches no keyword group of the template");
    }

    private static void collect(final JsonNode node, final List<String> path, final int at, final List<JsonNode> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (at == path.size()) {
            out.add(node);
            return;
        }
        final String step = path.get(at);
        if (ARRAY.equals(step)) {
            if (node.isArray()) {
                for (final JsonNode e : node) {
                    collect(e, path, at + 1, out);
                }
            }
            return;
        }
        if (node instanceof ObjectNode o) {
            collect(o.get(step), path, at + 1, out);
        }
    }
}
