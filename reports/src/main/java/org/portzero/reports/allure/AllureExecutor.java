package org.portzero.reports.allure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code executor.json}: who ran the build, from the CI system's environment variables (GitHub
 * Actions, GitLab CI, Jenkins, or any CI setting {@code CI}); a local build says "local".
 */
public final class AllureExecutor {

    private AllureExecutor() {
    }

    public static Map<String, Object> of(Map<String, String> env) {
        Map<String, Object> executor = new LinkedHashMap<>();
        if (env.containsKey("GITHUB_RUN_ID")) {
            String runUrl = env.getOrDefault("GITHUB_SERVER_URL", "") + "/" + env.getOrDefault("GITHUB_REPOSITORY", "")
                    + "/actions/runs/" + env.get("GITHUB_RUN_ID");
            executor.put("name", "GitHub Actions");
            executor.put("type", "github");
            executor.put("url", env.getOrDefault("GITHUB_SERVER_URL", ""));
            executor.put("buildOrder", number(env.get("GITHUB_RUN_NUMBER")));
            executor.put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "portzero") + " #"
                    + env.getOrDefault("GITHUB_RUN_NUMBER", "?") + " (" + env.getOrDefault("GITHUB_SHA", "") + ")");
            executor.put("buildUrl", runUrl);
        } else if (env.containsKey("CI_PIPELINE_ID")) {
            executor.put("name", "GitLab CI");
            executor.put("type", "gitlab");
            executor.put("buildOrder", number(env.get("CI_PIPELINE_IID")));
            executor.put("buildName", env.getOrDefault("CI_PROJECT_PATH", "") + " #" + env.get("CI_PIPELINE_ID"));
            executor.put("buildUrl", env.getOrDefault("CI_PIPELINE_URL", ""));
        } else if (env.containsKey("BUILD_URL") && env.containsKey("JENKINS_URL")) {
            executor.put("name", "Jenkins");
            executor.put("type", "jenkins");
            executor.put("buildOrder", number(env.get("BUILD_NUMBER")));
            executor.put("buildName", env.getOrDefault("JOB_NAME", "") + " #" + env.getOrDefault("BUILD_NUMBER", ""));
            executor.put("buildUrl", env.get("BUILD_URL"));
        } else if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            executor.put("name", "CI");
            executor.put("type", "ci");
            executor.put("buildName", "portzero CI build");
        } else {
            executor.put("name", "local");
            executor.put("type", "local");
            executor.put("buildName", "portzero local build on " + env.getOrDefault("HOSTNAME", "this host"));
        }
        executor.put("reportName", "portzero");
        return executor;
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
