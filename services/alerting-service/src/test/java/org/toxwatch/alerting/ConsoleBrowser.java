package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driving the console, with what its tests keep asking of it: the two screen sizes of the
 * issue (a desktop at 1280×800, a tablet upright at 768×1024), screenshots kept for a reviewer in
 * target/console-it, and axe-core's accessibility check. Missing Chromium, its driver or axe-core fails the test
 * with what to install: a browser test that skips tests nothing.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension TABLET_PORTRAIT = new Dimension(768, 1024);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Installed by bin/test (npm ci in src/test/accessibility, the version pinned in its package-lock.json). */
    private static final Path AXE = Path.of("src/test/accessibility/node_modules/axe-core/axe.min.js");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;
    private final String axe;

    private ConsoleBrowser(WebDriver driver, Path profile, String axe) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
    }

    static ConsoleBrowser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console browser test needs Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": run bin/test, which installs them (or `apt-get install -y chromium "
                    + "chromium-driver`).");
        }
        if (!Files.isReadable(AXE)) {
            fail("The console's accessibility check needs axe-core at " + AXE.toAbsolutePath()
                    + ": run bin/test from the repository root, which installs it (npm ci in "
                    + "services/alerting-service/src/test/accessibility).");
        }
        try {
            String axe = Files.readString(AXE, StandardCharsets.UTF_8);
            Path profile = Files.createTempDirectory("toxwatch-console-it-chromium-");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            var browser = new ConsoleBrowser(new ChromeDriver(service, options), profile, axe);
            browser.resize(DESKTOP);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** The page's layout viewport becomes exactly {@code size}, whatever the window decorations take. */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        var inner = (List<?>) script("return [window.innerWidth, window.innerHeight]");
        int width = ((Number) inner.get(0)).intValue();
        int height = ((Number) inner.get(1)).intValue();
        if (width != size.width || height != size.height) {
            driver.manage()
                    .window()
                    .setSize(new Dimension(size.width + (size.width - width), size.height + (size.height - height)));
        }
    }

    void signIn(String baseUrl, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/console/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("clinician");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(ExpectedConditions.textToBe(By.id("who"), "clinician"));
        // Preferences (sound, notifications) are per browser: each test starts from the defaults.
        script("localStorage.clear()");
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** For a reviewer: what the browser showed, in target/console-it. */
    void keepScreenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "console-it"));
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Usable at this width: nothing makes the page scroll sideways (wide tables scroll inside their box). */
    void assertFitsTheWindowWidth() {
        Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    /**
     * axe-core's WCAG 2.x A/AA rules on the page as it is now; returns every serious or critical violation as
     * "rule: help (selectors)", so a failure says what to fix.
     */
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axe);
        }
        var violations = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { runOnly: { type: 'tag',
                                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                            .then((results) => done(results.violations
                                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                                .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.map((n) => n.target.join(' ')).join(', ') }))))
                            .catch((error) => done([{ id: 'axe-error', impact: 'critical', help: String(error),
                                nodes: '' }]));
                        """);
        return violations.stream()
                .map(violation -> (Map<?, ?>) violation)
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + ")")
                .toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
