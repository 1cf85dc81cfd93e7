package io.dualwrite.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JdbcTypeFilterTest {

    private final JdbcTypeFilter filter = new JdbcTypeFilter(new ClassFileTransformer() { });

    /** Offers classes in the order the JVM loads them: super types first. */
    private boolean offer(Class<?> type) {
        String name = type.getName().replace('.', '/');
        try (InputStream in = type.getClassLoader().getResourceAsStream(name + ".class")) {
            return filter.mayBeJdbcType(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClassImplementingAJdbcInterfaceGoesToByteBuddy() {
        assertThat(offer(DirectDriver.class)).isTrue();
    }

    @Test
    void aSubclassOfAJdbcClassGoesToByteBuddyEvenWithoutNamingJdbc() {
        offer(DirectDriver.class);
        assertThat(offer(SubclassOfDriver.class)).isTrue();
        assertThat(offer(SubSubclassOfDriver.class)).isTrue();
    }

    @Test
    void aClassImplementingADriversOwnSubInterfaceOfJdbcGoesToByteBuddy() {
        offer(VendorStatement.class);
        assertThat(offer(VendorStatementImpl.class)).isTrue();
    }

    @Test
    void everyOtherClassIsLeftAlone() {
        assertThat(offer(JdbcTypeFilterTest.class)).isFalse();
        assertThat(offer(PlainSubclass.class)).isFalse();
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
