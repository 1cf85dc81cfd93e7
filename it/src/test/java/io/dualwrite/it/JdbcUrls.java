package io.dualwrite.it;

/** Small operations on {@code jdbc:<driver>://host:port/database?params} URLs. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The same server URL (parameters kept) pointing at another database. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host/database URL: " + url);
        }
        int query = url.indexOf('?', hosts + 2);
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = beforeQuery.indexOf('/', hosts + 2);
        String serverPart = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return serverPart + "/" + database + params;
    }
}
