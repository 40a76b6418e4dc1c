package org.opdqueue.fuzz;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The endpoints the OpenAPI document leaves out on purpose (the staff pages, their forms, the log-in page, the
 * patient's status page: {@code @Operation(hidden = true)}), described the way the document describes the others, so
 * the same cases are generated for them. Read from the compiled resource classes.
 */
final class HiddenOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HiddenOperations() {
    }

    /** Adds every resource method the document lacks to its {@code paths}; returns how many were added. */
    static int addTo(ObjectNode doc, ClassLoader loader) throws IOException, ClassNotFoundException {
        ObjectNode paths = (ObjectNode) doc.path("paths");
        int added = 0;
        for (Class<?> resource : resourceClasses(loader)) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = join(resource.getAnnotation(jakarta.ws.rs.Path.class),
                        method.getAnnotation(jakarta.ws.rs.Path.class));
                if (paths.has(plain(path)) && paths.path(plain(path)).has(verb)) {
                    continue;
                }
                ObjectNode operation = JSON.objectNode();
                var parameters = operation.putArray("parameters");
                ObjectNode form = JSON.objectNode();
                for (Parameter p : method.getParameters()) {
                    describe(p, parameters, form);
                }
                Consumes consumes = method.getAnnotation(Consumes.class);
                boolean formPost = !form.isEmpty() || (consumes != null
                        && List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED));
                if (formPost) {
                    operation.putObject("requestBody").putObject("content")
                            .putObject(MediaType.APPLICATION_FORM_URLENCODED).putObject("schema").put("type", "object")
                            .set("properties", form);
                }
                ObjectNode byVerb = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                byVerb.set(verb, operation);
                added++;
            }
        }
        return added;
    }

    private static void describe(Parameter p, com.fasterxml.jackson.databind.node.ArrayNode parameters, ObjectNode form) {
        if (p.isAnnotationPresent(PathParam.class)) {
            parameters.addObject().put("name", p.getAnnotation(PathParam.class).value()).put("in", "path")
                    .putObject("schema").put("type", "string");
        } else if (p.isAnnotationPresent(QueryParam.class)) {
            parameters.addObject().put("name", p.getAnnotation(QueryParam.class).value()).put("in", "query")
                    .putObject("schema").put("type", "string");
        } else if (p.isAnnotationPresent(RestForm.class)) {
            String name = p.getAnnotation(RestForm.class).value();
            form.putObject(name.isEmpty() ? p.getName() : name).put("type", "string");
        } else if (p.isAnnotationPresent(FormParam.class)) {
            form.putObject(p.getAnnotation(FormParam.class).value()).put("type", "string");
        } else if (p.isAnnotationPresent(BeanParam.class)) {
            for (Field f : p.getType().getFields()) {
                RestForm restForm = f.getAnnotation(RestForm.class);
                if (restForm != null) {
                    form.putObject(restForm.value().isEmpty() ? f.getName() : restForm.value()).put("type", "string");
                }
            }
        }
    }

    private static List<Class<?>> resourceClasses(ClassLoader loader) throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/opdqueue"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, loader);
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private static String verb(Method m) {
        return m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
    }

    private static String join(jakarta.ws.rs.Path type, jakarta.ws.rs.Path method) {
        String path = "/" + type.value().replaceAll("^/|/$", "");
        if (method != null) {
            path = path.replaceAll("/$", "") + "/" + method.value().replaceAll("^/|/$", "");
        }
        return path;
    }

    /** The document writes {@code {id}} where the code has {@code {id: [0-9]+}}. */
    private static String plain(String path) {
        return path.replaceAll("\\{([^}:]+)(:[^}]*)?\\}", "{$1}").replaceAll("\\s", "");
    }
}
