package org.vertogw.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (never a downloaded one, so Selenium Manager never
 * runs), with fake audio/video devices, a fresh profile, no background networking, and loopback allowed for WebRTC
 * (without it Chromium gathers no candidate in a namespace that has only loopback).
 */
public final class Chromium implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final ChromeDriverService service;

    public Chromium() throws Exception {
        this(List.of());
    }

    /** @param extraArguments e.g. {@code --use-file-for-fake-audio-capture=tone.wav} */
    public Chromium(List<String> extraArguments) throws Exception {
        this(CHROMIUM, extraArguments);
    }

    /**
     * @param binary what chromedriver starts instead of {@link #CHROMIUM}: e.g. a script that runs it in another
     *     network namespace (then pass {@code --remote-debugging-pipe}, so that chromedriver needs no socket to it)
     */
    public Chromium(String binary, List<String> extraArguments) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(binary);
        Path profile = Files.createTempDirectory("chromium-profile");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--ignore-certificate-errors",
                "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        o.addArguments(extraArguments);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
