package io.dualwrite.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JdbcTypeFilterTest {

    private static boolean offer(Class<?> type) {
        String name = type.getName().replace('.', '/');
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            return JdbcTypeFilter.mayBeJdbcType(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClassImplementingAJdbcInterfaceGoesToByteBuddy() {
        assertThat(offer(DirectDriver.class)).isTrue();
    }

    @Test
    void aSubclassGoesToByteBuddyEvenBeforeItsSuperClassIsSeen() {
        assertThat(offer(SubSubclassOfDriver.class)).as("loaded first, as a subclass often is").isTrue();
        assertThat(offer(SubclassOfDriver.class)).isTrue();
    }

    @Test
    void aClassImplementingADriversOwnSubInterfaceOfJdbcGoesToByteBuddy() {
        assertThat(offer(VendorStatementImpl.class)).isTrue();
    }

    @Test
    void aClassWithOnlyNonJdbcSuperTypesOfTheJdkIsLeftAlone() {
        assertThat(offer(JdbcTypeFilterTest.class)).isFalse();
        assertThat(offer(PlainSubclass.class)).isFalse();
        assertThat(offer(Runnable.class)).as("the JDK's own classes").isFalse();
    }

    interface VendorStatement extends PreparedStatement {
    }

    abstract static class VendorStatementImpl implements VendorStatement {
    }

    static class PlainSubclass extends java.util.ArrayList<String> {
    }

    static class DirectDriver implements Driver {
        @Override
        public Connection connect(String url, Properties info) {
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return false;
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 0;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return null;
        }
    }

    static class SubclassOfDriver extends DirectDriver {
    }

    static class SubSubclassOfDriver extends SubclassOfDriver {
    }
}
