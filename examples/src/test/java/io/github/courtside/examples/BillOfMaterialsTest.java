package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM must list every published artifact of the reactor, and nothing else. */
class BillOfMaterialsTest {
  private static final Pattern ARTIFACT =
      Pattern.compile("<artifactId>(courtside-[a-z-]+)</artifactId>");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void bomListsEveryPublishedModule() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    String parent = Files.readString(root.resolve("pom.xml"));
    Set<String> published = new TreeSet<>();
    Matcher modules = MODULE.matcher(parent);
    while (modules.find()) {
      String pom = Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"));
      Matcher own =
          Pattern.compile("</parent>\\s*<artifactId>(courtside-[a-z-]+)</artifactId>").matcher(pom);
      if (own.find() && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(own.group(1));
      }
    }
    Set<String> listed = new TreeSet<>();
    String bom = Files.readString(root.resolve("sdk-bom/pom.xml"));
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
    Matcher artifacts = ARTIFACT.matcher(managed);
    while (artifacts.find()) {
      listed.add(artifacts.group(1));
    }
    assertEquals(published, listed);
  }
}
