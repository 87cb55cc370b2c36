package io.dikw.social.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a value into a JSON tree in which non-finite numbers (NaN, ±Infinity) are {@code null}.
 * JSON has no NaN; the shared mapper would write it as the string {@code "NaN"}, which breaks
 * clients that expect a number. The shared mapper is not reconfigured (every module shares it).
 */
final class FiniteJson {

    private FiniteJson() {
    }

    /**
     * @param mapper the mapper that converts the value
     * @param value the value to convert
     * @return its JSON tree, with every non-finite floating-point number replaced by null
     */
    static JsonNode tree(final ObjectMapper mapper, final Object value) {
        return replaceNonFinite(mapper.valueToTree(value));
    }

    private static JsonNode replaceNonFinite(final JsonNode node) {
        if (node == null) {
            return NullNode.getInstance();
        }
        if (node.isFloatingPointNumber()) {
            final double d = node.doubleValue();
            return Double.isFinite(d) ? node : NullNode.getInstance();
        }
        if (node.isObject()) {
            final ObjectNode object = (ObjectNode) node;
            final Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                final JsonNode replaced = replaceNonFinite(field.getValue());
                if (replaced != field.getValue()) {
                    field.setValue(replaced);
                }
            }
        } else if (node.isArray()) {
            final ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                final JsonNode element = array.get(i);
                final JsonNode replaced = replaceNonFinite(element);
                if (replaced != element) {
                    array.set(i, replaced);
                }
            }
        }
        return node;
    }
}
