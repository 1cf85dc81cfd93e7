package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void urlWithoutSecretsIsUnchanged() {
        String url = "jdbc:mariadb://127.0.0.1:3306/shop?user=shop&useSsl=true";
        assertThat(Redaction.url(url)).isEqualTo(url);
        assertThat(Redaction.url("jdbc:h2:mem:test;MODE=MySQL")).isEqualTo("jdbc:h2:mem:test;MODE=MySQL");
        assertThat(Redaction.url("jdbc:postgresql://shop@h:5432/db")).isEqualTo("jdbc:postgresql://shop@h:5432/db");
    }

    @Test
    void nullUrlGivesNull() {
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void queryParameterPasswordIsMasked() {
        assertThat(Redaction.url("jdbc:mariadb://h:3306/shop?user=shop&password=Secr3t&useSsl=true"))
                .isEqualTo("jdbc:mariadb://h:3306/shop?user=shop&password=***&useSsl=true");
        assertThat(Redaction.url("jdbc:postgresql://h/db?password=Secr3t"))
                .isEqualTo("jdbc:postgresql://h/db?password=***");
    }

    @Test
    void parameterNamesContainingPasswordPwdSecretOrTokenAreMaskedWhateverTheirCase() {
        assertThat(Redaction.url("jdbc:x://h/db?PWD=a&sslPassword=b&clientSecret=c&accessToken=d&ssl=true"))
                .isEqualTo("jdbc:x://h/db?PWD=***&sslPassword=***&clientSecret=***&accessToken=***&ssl=true");
    }

    @Test
    void semicolonParametersAreMaskedInSqlServerAndH2Urls() {
        assertThat(Redaction.url("jdbc:sqlserver://h:1433;databaseName=shop;user=sa;password=Secr3t;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://h:1433;databaseName=shop;user=sa;password=***;encrypt=true");
        assertThat(Redaction.url("jdbc:h2:tcp://h/~/shop;USER=sa;PASSWORD=Secr3t"))
                .isEqualTo("jdbc:h2:tcp://h/~/shop;USER=sa;PASSWORD=***");
        assertThat(Redaction.url("jdbc:h2:mem:shop;PASSWORD=Secr3t;"))
                .isEqualTo("jdbc:h2:mem:shop;PASSWORD=***;");
    }

    @Test
    void colonSeparatedParametersAreMaskedInDb2Urls() {
        assertThat(Redaction.url("jdbc:db2://h:50000/shop:user=u;password=Secr3t;"))
                .isEqualTo("jdbc:db2://h:50000/shop:user=u;password=***;");
    }

    @Test
    void userinfoPasswordIsMasked() {
        assertThat(Redaction.url("jdbc:postgresql://shop:Secr3t@h:5432/db?ssl=true"))
                .isEqualTo("jdbc:postgresql://shop:***@h:5432/db?ssl=true");
        assertThat(Redaction.url("jdbc:mysql://shop:Se/cr@3t@h/db"))
                .isEqualTo("jdbc:mysql://shop:***@h/db");
    }

    @Test
    void oracleUserSlashPasswordIsMasked() {
        assertThat(Redaction.url("jdbc:oracle:thin:scott/tiger@//h:1521/shop"))
                .isEqualTo("jdbc:oracle:thin:scott/***@//h:1521/shop");
        assertThat(Redaction.url("jdbc:oracle:thin:@//h:1521/shop")).isEqualTo("jdbc:oracle:thin:@//h:1521/shop");
    }

    @Test
    void parenthesisedKeyValuePairsAreMasked() {
        assertThat(Redaction.url("jdbc:mysql://address=(host=h)(user=u)(password=Secr3t)/db"))
                .isEqualTo("jdbc:mysql://address=(host=h)(user=u)(password=***)/db");
        assertThat(Redaction.url("jdbc:mysql://(host=h,password=Secr3t,user=u)/db"))
                .isEqualTo("jdbc:mysql://(host=h,password=***,user=u)/db");
    }

    @Test
    void separatorInsideASecretDoesNotEndTheMaskingEarly() {
        String redacted = Redaction.url("jdbc:x://h/db?password=ab&cd;ef&ssl=true");
        assertThat(redacted).isEqualTo("jdbc:x://h/db?password=***&ssl=true");
        assertThat(redacted).doesNotContain("cd").doesNotContain("ef");
    }

    @Test
    void secretNamesAreRecognisedCaseInsensitively() {
        assertThat(Redaction.isSecretName("password")).isTrue();
        assertThat(Redaction.isSecretName("sslPassword")).isTrue();
        assertThat(Redaction.isSecretName("PWD")).isTrue();
        assertThat(Redaction.isSecretName("client_secret")).isTrue();
        assertThat(Redaction.isSecretName("authToken")).isTrue();
        assertThat(Redaction.isSecretName("user")).isFalse();
        assertThat(Redaction.isSecretName(null)).isFalse();
    }
}
