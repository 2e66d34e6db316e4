package org.crmkit.persistence.mybatis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least-privilege setup of the "MySQL setup" section of the embedding guide ({@value #GUIDE}, where it moved
 * from README.md, whose name this class keeps), read from the guide itself: the fenced sql block after the line
 * holding {@link #MARKER}. The block may hold only the statements this class knows (CREATE USER and
 * GRANT for {@code 'crm_owner'@'%'} and {@code 'crm_app'@'%'} on schema {@code crm}, and {@code --} comments); any
 * other statement fails the test, so an edit of the guide cannot slip past it.
 *
 * @param statements    the block's statements, comments dropped, whitespace collapsed, without the semicolon
 * @param appPrivileges the application user's privileges per table, as the guide writes them
 */
record ReadmeGrants(List<String> statements, Map<String, String> appPrivileges) {
    /** The guide holding the setup, relative to the project's root. */
    static final String GUIDE = "docs/embedding.md";
    /** The line of the guide (an HTML comment, invisible on GitHub) that the grant block follows. */
    static final String MARKER = "ReadmeGrantsIT reads the sql block that follows this line";
    static final String OWNER = "crm_owner";
    static final String APP = "crm_app";
    private static final String SCHEMA = "crm";
    private static final Pattern CREATE_USER =
            Pattern.compile("CREATE USER '(crm_owner|crm_app)'@'%' IDENTIFIED BY '[^']*'", Pattern.CASE_INSENSITIVE);
    private static final Pattern GRANT = Pattern.compile(
            "GRANT (.+?) ON crm\\.(\\*|[a-z_]+) TO '(crm_owner|crm_app)'@'%'", Pattern.CASE_INSENSITIVE);

    /** @return the grant block of the guide in the project above the working directory (the module's or the root) */
    static ReadmeGrants read() {
        Path readme = findReadme();
        try {
            return parse(Files.readAllLines(readme));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
    }

    /**
     * @param readme the guide's lines
     * @return its grant block
     * @throws IllegalStateException when the marker, the block or its statements are not as expected
     */
    static ReadmeGrants parse(List<String> readme) {
        List<String> statements = statements(block(readme));
        Map<String, String> appPrivileges = new LinkedHashMap<>();
        for (String statement : statements) {
            Matcher grant = GRANT.matcher(statement);
            if (grant.matches() && grant.group(3).equals(APP)) {
                if (grant.group(2).equals("*")) {
                    throw new IllegalStateException(GUIDE + " grants crm_app a whole schema: " + statement);
                }
                if (appPrivileges.put(grant.group(2), grant.group(1)) != null) {
                    throw new IllegalStateException(GUIDE + " grants crm_app table " + grant.group(2) + " twice");
                }
            } else if (!grant.matches() && !CREATE_USER.matcher(statement).matches()) {
                throw new IllegalStateException(GUIDE + "'s grant block holds a statement ReadmeGrantsIT does not"
                        + " know (only CREATE USER and GRANT for crm_owner and crm_app on crm): " + statement);
            }
        }
        if (appPrivileges.isEmpty()) {
            throw new IllegalStateException(GUIDE + "'s grant block grants crm_app nothing");
        }
        return new ReadmeGrants(List.copyOf(statements), Map.copyOf(appPrivileges));
    }

    /**
     * One user's statements of the block as they are to be run on a given server: in another schema, for another user
     * at another host, with another password. Everything else (the privileges, the tables) stays as the guide writes
     * it. The owner's come first: the application's grants need the tables the owner's migrations create.
     *
     * @param readmeUser {@link #OWNER} or {@link #APP}
     * @param schema     the schema in place of {@code crm}
     * @param user       the user name in place of {@code readmeUser}
     * @param host       the host in place of {@code '%'}
     * @param password   the user's password
     * @return the statements that name {@code readmeUser}, in the guide's order
     */
    List<String> adaptedTo(String readmeUser, String schema, String user, String host, String password) {
        String grantee = "'" + readmeUser + "'@'%'";
        return statements.stream().filter(statement -> statement.contains(grantee))
                .map(statement -> statement
                        .replaceFirst("(?i) ON " + SCHEMA + "\\.", " ON " + schema + ".")
                        .replace(grantee, "'" + user + "'@'" + host + "'")
                        .replaceFirst("(?i)IDENTIFIED BY '[^']*'", "IDENTIFIED BY '" + password + "'"))
                .toList();
    }

    private static List<String> block(List<String> readme) {
        int marker = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).contains(MARKER)) {
                if (marker >= 0) {
                    throw new IllegalStateException(GUIDE + " holds the grant marker twice: " + MARKER);
                }
                marker = i;
            }
        }
        if (marker < 0) {
            throw new IllegalStateException(GUIDE + " has lost the line before its grant block: " + MARKER);
        }
        int open = marker + 1;
        while (open < readme.size() && readme.get(open).isBlank()) {
            open++;
        }
        if (open == readme.size() || !readme.get(open).strip().equals("```sql")) {
            throw new IllegalStateException(GUIDE + "'s grant marker (line " + (marker + 1)
                    + ") is not followed by a ```sql block");
        }
        for (int close = open + 1; close < readme.size(); close++) {
            if (readme.get(close).strip().equals("```")) {
                return readme.subList(open + 1, close);
            }
        }
        throw new IllegalStateException(GUIDE + "'s grant block (line " + (open + 1) + ") is not closed");
    }

    private static List<String> statements(List<String> block) {
        StringBuilder sql = new StringBuilder();
        for (String line : block) {
            sql.append(withoutComment(line)).append(' ');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            String collapsed = statement.strip().replaceAll("\\s+", " ");
            if (!collapsed.isEmpty()) {
                statements.add(collapsed);
            }
        }
        return statements;
    }

    /** @return the line up to a {@code --} comment that starts outside a quoted string */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && line.startsWith("--", i)) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Path findReadme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve(GUIDE);
            try {
                if (Files.isRegularFile(readme) && Files.readString(readme).contains(MARKER)) {
                    return readme;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + readme, e);
            }
        }
        throw new IllegalStateException("no " + GUIDE + " holding \"" + MARKER + "\" above "
                + Path.of("").toAbsolutePath());
    }
}
