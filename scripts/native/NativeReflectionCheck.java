import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Checks the output of a native-sources build (target/native-sources) without GraalVM: every class of ours that
 * JSON binds must be registered for reflection (constructors, methods and fields), and the embedded PostgreSQL's
 * Linux binaries must be included as a resource. JSON-bound classes: those returned by the REST interfaces (type
 * arguments of their return types), those carrying a Jackson annotation or @RegisterForReflection, and every class
 * of ours reachable from them through record components or fields. Classes of ours: package io.servicegroups.
 *
 * Usage: java -cp 'native-sources/lib/*:native-sources/*-runner.jar' NativeReflectionCheck native-sources [--without CLASS]
 * (--without drops a registration before checking, to show that the check fails without it.)
 */
public final class NativeReflectionCheck {
    private static final String OURS = "io.servicegroups.";
    private static final String POSTGRES_BINARIES = "postgres-linux-x86_64.txz";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String without = args.length > 2 && args[1].equals("--without") ? args[2] : null;
        Path runner;
        try (Stream<Path> files = Files.list(dir)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + dir));
        }
        Map<String, JsonNode> registered = new HashMap<>();
        JsonNode resources;
        ObjectMapper json = new ObjectMapper();
        try (JarFile jar = new JarFile(runner.toFile())) {
            for (JsonNode entry : json.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json")))) {
                String name = entry.has("name") ? entry.get("name").asText() : entry.path("type").asText();
                registered.merge(name, entry, (a, b) -> ((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy()).setAll(
                        (com.fasterxml.jackson.databind.node.ObjectNode) b));
            }
            resources = json.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/resource-config.json")));
        }
        if (without != null) {
            registered.remove(without);
        }

        List<URL> urls = new ArrayList<>();
        urls.add(runner.toUri().toURL());
        List<Path> ourJars = new ArrayList<>(List.of(runner));
        try (Stream<Path> libs = Files.list(dir.resolve("lib"))) {
            for (Path lib : libs.toList()) {
                urls.add(lib.toUri().toURL());
                if (lib.getFileName().toString().contains("io.servicegroups.")) {
                    ourJars.add(lib);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        Set<String> bound = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Deque<Class<?>> pending = new ArrayDeque<>();
            for (String name : ourClassNames(ourJars)) {
                Class<?> type = Class.forName(name, false, loader);
                if (isRestInterface(type)) {
                    for (Method method : type.getDeclaredMethods()) {
                        collect(method.getGenericReturnType(), pending);
                    }
                }
                if (hasBindingAnnotation(type)) {
                    pending.add(type);
                }
            }
            while (!pending.isEmpty()) {
                Class<?> type = pending.pop();
                if (!bound.add(type.getName())) {
                    continue;
                }
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        collect(component.getGenericType(), pending);
                    }
                } else if (!type.isInterface() && !type.isEnum()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            collect(field.getGenericType(), pending);
                        }
                    }
                }
            }
        }
        for (String name : bound) {
            JsonNode entry = registered.get(name);
            if (entry == null) {
                failures.add(name + " is bound to JSON but not registered for reflection (add @RegisterForReflection)");
            } else if (!all(entry, "Constructors") || !all(entry, "Methods") || !all(entry, "Fields")) {
                failures.add(name + " is registered without all its constructors, methods and fields: " + entry);
            }
        }
        if (bound.stream().noneMatch(n -> n.endsWith(".Envelope"))) {
            failures.add("the response envelope was not found among the JSON-bound classes: the check found nothing to check");
        }
        boolean binaries = false;
        for (JsonNode include : resources.path("resources").path("includes")) {
            binaries |= include.path("pattern").asText().replace("\\", "").contains(POSTGRES_BINARIES);
        }
        if (!binaries) {
            failures.add(POSTGRES_BINARIES + " is not a native resource (quarkus.native.resources.includes)");
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("native check: " + f));
            System.exit(1);
        }
        System.out.println("native check: " + bound.size() + " JSON-bound classes, each registered for reflection: "
                + String.join(", ", bound.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList()));
        System.out.println("native check: the embedded PostgreSQL's " + POSTGRES_BINARIES + " is a native resource");
    }

    /** Classes of ours in the given jars, without those Quarkus generates (their names carry '_' or "$$"). */
    private static List<String> ourClassNames(List<Path> jars) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path path : jars) {
            try (JarFile jar = new JarFile(path.toFile())) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("io/servicegroups/") && n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .filter(n -> !n.substring(n.lastIndexOf('.') + 1).contains("_") && !n.contains("$$"))
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static boolean isRestInterface(Class<?> type) {
        return type.isAnnotationPresent(loadAnnotation(type, "jakarta.ws.rs.Path"));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> loadAnnotation(Class<?> near, String name) {
        try {
            return (Class<? extends Annotation>) Class.forName(name, false, near.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasBindingAnnotation(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
        elements.addAll(List.of(type.getDeclaredFields()));
        elements.addAll(List.of(type.getDeclaredMethods()));
        if (type.isRecord()) {
            elements.addAll(List.of(type.getRecordComponents()));
        }
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.startsWith("com.fasterxml.jackson.annotation.")
                        || name.equals("io.quarkus.runtime.annotations.RegisterForReflection")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(Type type, Deque<Class<?>> into) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), into);
            } else if (c.getName().startsWith(OURS)) {
                into.add(c);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), into);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, into);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                collect(bound, into);
            }
        }
    }

    private static boolean all(JsonNode entry, String what) {
        return entry.path("allDeclared" + what).asBoolean() || entry.path("allPublic" + what).asBoolean();
    }
}
