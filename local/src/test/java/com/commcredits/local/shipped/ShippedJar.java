package com.commcredits.local.shipped;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's jar read as class files, for what the ProGuard step must guarantee: which classes it
 * holds, what each one's constant pool names (classes, attribute names) and its members' names.
 */
final class ShippedJar {

  /**
   * The model classes of an SDK operation ({@code GetItemRequest}, {@code SendMessageResponse$
   * Builder}, ...), which the parent pom's ProGuard {@code inFilter} reads in only for the
   * operations we call.
   */
  private static final Pattern OPERATION_MODEL =
      Pattern.compile(
          "software/amazon/awssdk/services/(\\w+)/model/(\\w+?(Request|Response))(\\$.*)?");

  /**
   * The SDK's endpoint resolvers, which name the request class of every operation of their service
   * (in one case each of a switch on the operation's name): a reference from here to the model of
   * an operation we never call is never followed.
   */
  private static final Pattern ENDPOINT_RESOLVER =
      Pattern.compile("software/amazon/awssdk/services/\\w+/endpoints/internal/.*");

  /**
   * The AWS CRT, an optional dependency of the SDK that we never ship: the SDK's CRT-based signer
   * (kept, as signers are loaded by name) is only ever loaded when the CRT is on the class path.
   */
  private static final Pattern OPTIONAL_CRT = Pattern.compile("software/amazon/awssdk/crt/.*");

  private static final Pattern CRT_SIGNER =
      Pattern.compile("software/amazon/awssdk/http/auth/aws/crt/.*");

  private final Map<String, ClassFile> classes = new TreeMap<>();
  private final Set<String> resources = new TreeSet<>();

  private ShippedJar(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          byte[] bytes = zip.getInputStream(entry).readAllBytes();
          classes.put(name.substring(0, name.length() - 6), ClassFile.parse(bytes));
        } else {
          resources.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(jar.toString(), e);
    }
  }

  static ShippedJar read(Path jar) {
    return new ShippedJar(jar);
  }

  Set<String> classNames() {
    return classes.keySet();
  }

  Set<String> resources() {
    return resources;
  }

  /** Classes whose constant pool still names a {@code LocalVariableTable} (or type table). */
  List<String> classesWithLocalVariableTables() {
    List<String> found = new ArrayList<>();
    classes.forEach(
        (name, file) -> {
          if (file.utf8.contains("LocalVariableTable")
              || file.utf8.contains("LocalVariableTypeTable")) {
            found.add(name);
          }
        });
    return found;
  }

  /**
   * What the shrinking renamed: a class not in the unshrunk jar, or a field or method whose name
   * the same class in the unshrunk jar does not have.
   */
  List<String> renamedAgainst(ShippedJar unshrunk) {
    List<String> renamed = new ArrayList<>();
    classes.forEach(
        (name, file) -> {
          ClassFile original = unshrunk.classes.get(name);
          if (original == null) {
            renamed.add("class " + name);
            return;
          }
          for (String member : file.members) {
            if (!original.members.contains(member)) {
              renamed.add(name + "." + member);
            }
          }
        });
    return renamed;
  }

  /**
   * Every class a kept class's constant pool names that is neither in this jar nor in the JDK, as a
   * line a reader can act on. Tolerated: the model of an SDK operation named only by the SDK's
   * endpoint resolver (an operation we never call), and the optional AWS CRT named by the SDK's CRT
   * signer.
   */
  Set<String> unresolvedReferences() {
    ClassLoader jdk = ClassLoader.getPlatformClassLoader();
    Map<String, Set<String>> missing = new TreeMap<>();
    classes.forEach(
        (name, file) -> {
          for (String referenced : file.classReferences) {
            if (!classes.containsKey(referenced)
                && jdk.getResource(referenced + ".class") == null) {
              missing.computeIfAbsent(referenced, k -> new TreeSet<>()).add(name);
            }
          }
        });
    Map<String, Set<String>> operationsLacking = new TreeMap<>();
    Set<String> problems = new TreeSet<>();
    missing.forEach(
        (referenced, from) -> {
          Matcher model = OPERATION_MODEL.matcher(referenced);
          if (model.matches()) {
            Set<String> callers = new TreeSet<>(from);
            callers.removeIf(c -> ENDPOINT_RESOLVER.matcher(c).matches());
            if (!callers.isEmpty()) {
              operationsLacking
                  .computeIfAbsent(
                      "add " + model.group(2) + " (service " + model.group(1) + ")",
                      k -> new TreeSet<>())
                  .addAll(callers);
            }
          } else if (!(OPTIONAL_CRT.matcher(referenced).matches()
              && from.stream().allMatch(c -> CRT_SIGNER.matcher(c).matches()))) {
            problems.add(referenced + " is missing, named by " + from);
          }
        });
    operationsLacking.forEach(
        (hint, callers) ->
            problems.add(hint + " to the ProGuard inFilter in pom.xml: named by " + callers));
    return problems;
  }

  /** What one class file names: its constant pool's classes and strings, its members' names. */
  private static final class ClassFile {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([^;<>]+);");

    final Set<String> classReferences = new LinkedHashSet<>();
    final Set<String> utf8 = new HashSet<>();
    final Set<String> members = new HashSet<>();

    static ClassFile parse(byte[] bytes) throws IOException {
      ClassFile file = new ClassFile();
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] strings = new String[count];
      int[] classNameIndex = new int[count];
      Set<Integer> calledClasses = new HashSet<>();
      // The types in the descriptors of the members it uses and declares: the verifier loads
      // them to check that a value passed or returned is of the declared type.
      List<Integer> descriptorIndexes = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> strings[i] = in.readUTF();
          case 7 -> classNameIndex[i] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 10, 11 -> {
            calledClasses.add(in.readUnsignedShort());
            in.readUnsignedShort();
          }
          case 12 -> {
            in.readUnsignedShort();
            descriptorIndexes.add(in.readUnsignedShort());
          }
          case 3, 4, 17, 18 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      for (String s : strings) {
        if (s != null) {
          file.utf8.add(s);
        }
      }
      in.readUnsignedShort(); // access
      in.readUnsignedShort(); // this
      calledClasses.add(in.readUnsignedShort()); // super
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        calledClasses.add(in.readUnsignedShort());
      }
      for (int kind = 0; kind < 2; kind++) {
        int members = in.readUnsignedShort();
        for (int i = 0; i < members; i++) {
          in.readUnsignedShort(); // access
          file.members.add(strings[in.readUnsignedShort()]);
          descriptorIndexes.add(in.readUnsignedShort());
          int attributes = in.readUnsignedShort();
          for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
          }
        }
      }
      // A class named only in the InnerClasses attribute is never loaded through it (ProGuard
      // keeps those entries for classes it was not given); every other class entry is code's.
      Set<Integer> innerClassesOnly = new HashSet<>();
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = strings[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("InnerClasses")) {
          int entries = in.readUnsignedShort();
          for (int e = 0; e < entries; e++) {
            innerClassesOnly.add(in.readUnsignedShort());
            innerClassesOnly.add(in.readUnsignedShort());
            in.readUnsignedShort();
            in.readUnsignedShort();
          }
        } else {
          in.skipNBytes(length);
        }
      }
      innerClassesOnly.removeAll(calledClasses);
      for (int index : descriptorIndexes) {
        Matcher type = DESCRIPTOR_TYPE.matcher(strings[index]);
        while (type.find()) {
          file.classReferences.add(type.group(1));
        }
      }
      for (int index = 1; index < count; index++) {
        if (classNameIndex[index] == 0 || innerClassesOnly.contains(index)) {
          continue;
        }
        String name = strings[classNameIndex[index]];
        int dims = 0;
        while (name.charAt(dims) == '[') {
          dims++;
        }
        if (dims > 0) {
          if (name.charAt(dims) != 'L') {
            continue; // an array of a primitive type
          }
          name = name.substring(dims + 1, name.length() - 1);
        }
        file.classReferences.add(name);
      }
      return file;
    }
  }
}
