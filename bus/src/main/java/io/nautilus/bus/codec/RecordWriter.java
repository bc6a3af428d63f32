package io.nautilus.bus.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BooleanSerializer;
import com.fasterxml.jackson.databind.ser.std.EnumSerializer;
import com.fasterxml.jackson.databind.ser.std.NullSerializer;
import com.fasterxml.jackson.databind.ser.std.NumberSerializers;
import com.fasterxml.jackson.databind.ser.std.StringSerializer;

import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Writes one record type's JSON object straight into a {@link JsonBytes}: the bytes Jackson's own bean serializer
 * writes for it with the codec's mapping (same property names and order, same number and string formats), without
 * Jackson's per-property dispatch, reflection and boxing. Built from Jackson's resolved serializer of the type, and
 * only for the plain case: a record whose every property is a record component of type {@code double},
 * {@code long}, {@code int}, {@code boolean} (or their boxes), {@code String} or an enum, each with Jackson's
 * standard serializer for that type (the codec's for doubles), no type id, no custom null handling and the default
 * inclusion, no any-getter and no filter. Anything else (lists, maps, nested records, annotations that change the
 * output) is left to Jackson:
 * {@link #of} returns null. Immutable and thread-safe.
 */
final class RecordWriter {
    private enum Kind { DOUBLE, LONG, INT, BOOLEAN, STRING, ENUM }

    /** {@code "name":} of each property, with the leading comma from the second on. */
    private final byte[][] names;
    /** The accessor of each property: a ToDoubleFunction, ToLongFunction, ToIntFunction, Predicate or Function. */
    private final Object[] getters;
    private final Kind[] kinds;
    private final boolean[] primitive;
    private final boolean[] skipNull;
    /** For an enum property, the bytes of each constant by ordinal. */
    private final byte[][][] enumBytes;

    private RecordWriter(List<Property> props) {
        int k = props.size();
        names = new byte[k][];
        getters = new Object[k];
        kinds = new Kind[k];
        primitive = new boolean[k];
        skipNull = new boolean[k];
        enumBytes = new byte[k][][];
        for (int i = 0; i < k; i++) {
            Property p = props.get(i);
            names[i] = p.name;
            getters[i] = p.getter;
            kinds[i] = p.kind;
            primitive[i] = p.primitive;
            skipNull[i] = p.skipNull;
            enumBytes[i] = p.enumBytes;
        }
    }

    private record Property(byte[] name, Object getter, Kind kind, boolean primitive, boolean skipNull, byte[][] enumBytes) {
    }

    /**
     * The writer of a type, or null if Jackson's output for it is not the plain case (see class doc).
     *
     * @param doubles the serializer the codec's mapping uses for doubles (its output for finite and non-finite)
     */
    static RecordWriter of(ObjectMapper mapper, DefaultSerializerProvider provider, Class<?> type, Class<?> doubles) {
        if (!type.isRecord() || type.getAnnotation(JsonInclude.class) != null) {
            return null;
        }
        try {
            JsonInclude.Include inclusion = provider.getConfig().getDefaultPropertyInclusion(type).getValueInclusion();
            if (inclusion != JsonInclude.Include.ALWAYS && inclusion != JsonInclude.Include.USE_DEFAULTS) {
                return null;
            }
            JsonSerializer<Object> s = provider.findTypedValueSerializer(type, true, null);
            if (s.getClass() != BeanSerializer.class || s.usesObjectId()) {
                return null;
            }
            // what a bean serializer writes besides its properties: an any-getter's entries, a filter's choices
            BeanDescription bean = provider.getConfig().introspect(provider.constructType(type));
            if (bean.findAnyGetter() != null || provider.getAnnotationIntrospector().findFilterId(bean.getClassInfo()) != null) {
                return null;
            }
            var props = new ArrayList<Property>();
            for (Iterator<PropertyWriter> it = s.properties(); it.hasNext(); ) {
                Property p = property(mapper, provider, it.next(), doubles, props.isEmpty());
                if (p == null) {
                    return null;
                }
                props.add(p);
            }
            return new RecordWriter(props);
        } catch (JsonMappingException | ReflectiveOperationException | RuntimeException ex) {
            return null; // Jackson handles it (and reports what is wrong with it)
        }
    }

    private static Property property(ObjectMapper mapper, DefaultSerializerProvider provider, PropertyWriter pw,
            Class<?> doubles, boolean first) throws ReflectiveOperationException, JsonMappingException {
        if (pw.getClass() != BeanPropertyWriter.class) {
            return null;
        }
        var bpw = (BeanPropertyWriter) pw;
        AnnotatedMember member = bpw.getMember();
        // Jackson gives every property a null serializer: only its standard one ("null") is the plain case
        if (bpw.getTypeSerializer() != null || provider.findNullValueSerializer(bpw).getClass() != NullSerializer.class
                || bpw.getViews() != null
                || bpw.getAnnotation(JsonInclude.class) != null || !(member instanceof AnnotatedMethod am)) {
            return null;
        }
        Method m = am.getAnnotated();
        Class<?> t = m.getReturnType();
        JsonSerializer<Object> ser = bpw.hasSerializer() ? bpw.getSerializer() : null;
        Kind kind = kind(t, ser, doubles);
        if (kind == null) {
            return null;
        }
        byte[][] enumBytes = kind == Kind.ENUM ? enumBytes(mapper, provider, t, ser) : null;
        Object getter = accessor(m, t);
        String quoted = (first ? "\"" : ",\"") + new String(bpw.getSerializedName().asQuotedChars()) + "\":";
        byte[] nameBytes = quoted.getBytes(StandardCharsets.UTF_8);
        return new Property(nameBytes, getter, kind, t.isPrimitive(), bpw.willSuppressNulls(), enumBytes);
    }

    /**
     * The record accessor as a functional object made by {@link LambdaMetafactory} (a direct call, no reflection and
     * no boxing of a primitive): ToDoubleFunction, ToLongFunction, ToIntFunction, Predicate or Function.
     */
    private static Object accessor(Method m, Class<?> t) throws ReflectiveOperationException {
        Map<String, Object> ofOwner = ACCESSORS.get(m.getDeclaringClass());
        Object a = ofOwner.get(m.getName());
        if (a == null) {
            a = newAccessor(m, t);
            Object raced = ofOwner.putIfAbsent(m.getName(), a);
            a = raced != null ? raced : a;
        }
        return a;
    }

    /**
     * The accessors made so far, by record class and accessor name: made once per JVM, so that codecs created later
     * (a bridge per test, per benchmark run) reuse the same classes (no new classes per codec, no recompilation).
     */
    private static final ClassValue<Map<String, Object>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static Object newAccessor(Method m, Class<?> t) throws ReflectiveOperationException {
        Class<?> owner = m.getDeclaringClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
        MethodHandle target = lookup.unreflect(m);
        Class<?> iface;
        String name;
        if (t == double.class) {
            iface = ToDoubleFunction.class;
            name = "applyAsDouble";
        } else if (t == long.class) {
            iface = ToLongFunction.class;
            name = "applyAsLong";
        } else if (t == int.class) {
            iface = ToIntFunction.class;
            name = "applyAsInt";
        } else if (t == boolean.class) {
            iface = Predicate.class;
            name = "test";
        } else {
            iface = Function.class;
            name = "apply";
        }
        Class<?> erased = t.isPrimitive() ? t : Object.class;
        try {
            CallSite site = LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(iface),
                    MethodType.methodType(erased, Object.class), target, MethodType.methodType(t, owner));
            return site.getTarget().invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make the accessor of " + m, e);
        }
    }

    /** The kind of a property of declared type t with Jackson's serializer ser, or null if not a plain one. */
    private static Kind kind(Class<?> t, JsonSerializer<Object> ser, Class<?> doubles) {
        if (ser == null) {
            return null;
        }
        Class<?> sc = ser.getClass();
        if ((t == double.class || t == Double.class) && sc == doubles) {
            return Kind.DOUBLE;
        }
        if ((t == long.class || t == Long.class) && sc == NumberSerializers.LongSerializer.class) {
            return Kind.LONG;
        }
        if ((t == int.class || t == Integer.class) && sc == NumberSerializers.IntegerSerializer.class) {
            return Kind.INT;
        }
        if ((t == boolean.class || t == Boolean.class) && sc == BooleanSerializer.class) {
            return Kind.BOOLEAN;
        }
        if (t == String.class && sc == StringSerializer.class) {
            return Kind.STRING;
        }
        if (t.isEnum() && Modifier.isFinal(t.getModifiers()) && sc == EnumSerializer.class) {
            return Kind.ENUM;
        }
        return null;
    }

    /** Each constant as the property's own serializer writes it. */
    private static byte[][] enumBytes(ObjectMapper mapper, DefaultSerializerProvider provider, Class<?> t, JsonSerializer<Object> ser) {
        Object[] constants = t.getEnumConstants();
        byte[][] out = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            var buf = new JsonBytes(mapper.getFactory());
            try (JsonGenerator g = mapper.getFactory().createGenerator(buf)) {
                ser.serialize(constants[i], g, provider);
            } catch (IOException ex) {
                throw new IllegalStateException("cannot write " + constants[i], ex);
            }
            out[i] = buf.take();
        }
        return out;
    }

    /** Writes the record as a JSON object. */
    @SuppressWarnings("unchecked")
    void write(JsonBytes out, Object record) throws CodecException {
        try {
            out.write('{');
            boolean any = false;
            for (int i = 0; i < names.length; i++) {
                Object g = getters[i];
                if (!primitive[i]) {
                    any = boxed(out, i, any, ((Function<Object, Object>) g).apply(record));
                    continue;
                }
                any = name(out, i, any);
                switch (kinds[i]) {
                    case DOUBLE -> doubleValue(out, ((ToDoubleFunction<Object>) g).applyAsDouble(record));
                    case LONG -> out.number(((ToLongFunction<Object>) g).applyAsLong(record));
                    case INT -> out.number(((ToIntFunction<Object>) g).applyAsInt(record));
                    case BOOLEAN -> out.raw(((Predicate<Object>) g).test(record) ? TRUE : FALSE);
                    default -> throw new IllegalStateException("not a primitive kind: " + kinds[i]);
                }
            }
            out.write('}');
        } catch (RuntimeException ex) {
            throw CodecException.invalidPayload(record.getClass().getSimpleName(), ex);
        }
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /** Writes the i-th name (without the comma if nothing was written before it); true. */
    private boolean name(JsonBytes out, int i, boolean any) {
        byte[] n = names[i];
        if (any || n[0] != ',') {
            out.raw(n);
        } else {
            out.write(n, 1, n.length - 1); // an earlier property was skipped as null: no comma
        }
        return true;
    }

    /** A reference-typed property: skipped if null and nulls are suppressed, else written. */
    private boolean boxed(JsonBytes out, int i, boolean any, Object v) {
        if (v == null && skipNull[i]) {
            return any;
        }
        any = name(out, i, any);
        if (v == null) {
            out.raw(NULL);
            return any;
        }
        switch (kinds[i]) {
            case DOUBLE -> doubleValue(out, (Double) v);
            case LONG -> out.number(((Long) v).longValue());
            case INT -> out.number(((Integer) v).longValue());
            case BOOLEAN -> out.raw((Boolean) v ? TRUE : FALSE);
            case STRING -> out.string((String) v);
            case ENUM -> out.raw(enumBytes[i][((Enum<?>) v).ordinal()]);
            default -> throw new IllegalStateException("not a boxed kind: " + kinds[i]);
        }
        return any;
    }

    /** As the codec's double serializer: finite as a number, NaN and infinities as text. */
    private static void doubleValue(JsonBytes out, double v) {
        if (Double.isFinite(v)) {
            out.number(v);
        } else {
            out.string(Double.toString(v));
        }
    }
}
