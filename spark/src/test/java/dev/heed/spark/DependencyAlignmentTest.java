package dev.heed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Heed runs on Spark's own Jackson and SLF4J (the cluster jar leaves them out): the versions on this classpath
 * are the ones Spark's modules were built for, and Heed's JSON works on them.
 */
class DependencyAlignmentTest {

    @Test
    void jacksonIsTheVersionSparksScalaModuleAccepts() throws Exception {
        // jackson-module-scala refuses a databind of another minor version when it is registered.
        ObjectMapper mapper = new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
        assertEquals(com.fasterxml.jackson.module.scala.JacksonModule.class.getPackage().getImplementationVersion()
                .replaceAll("^(\\d+\\.\\d+).*", "$1"), PackageVersion.VERSION.getMajorVersion() + "."
                + PackageVersion.VERSION.getMinorVersion());
        assertEquals("{\"a\":[1,2]}", mapper.writeValueAsString(mapper.readTree("{\"a\":[1,2]}")));
        assertEquals("{\"a\":1.5}", dev.heed.json.HeedJson.COMPACT.writeValueAsString(
                dev.heed.json.HeedJson.COMPACT.readTree("{\"a\":1.5}")));
    }

    @Test
    void slf4jBindsToSparksLog4jOnly() {
        assertEquals("org.apache.logging.slf4j.Log4jLoggerFactory", LoggerFactory.getILoggerFactory().getClass()
                .getName(), "one SLF4J provider, Spark's: slf4j-simple must stay out of heed-spark");
    }
}
