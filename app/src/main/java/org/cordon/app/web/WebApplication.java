package org.cordon.app.web;

import java.util.HashMap;
import java.util.Map;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The REST API and console, started around a runtime the command line has already opened. Beans are
 * listed here, not found by scanning.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SecurityConfiguration.class, CaseController.class, RequestController.class, IngestController.class,
    ConsoleController.class, LexiconController.class, DeskController.class, NetworkController.class, ApiErrors.class})
public class WebApplication {

  /** Starts the server on {@code address:port} (port 0: any free port). */
  public static ConfigurableApplicationContext start(CordonRuntime runtime, LivePipeline pipeline, String address, int port) {
    SpringApplication app = new SpringApplication(WebApplication.class);
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.address", address);
    properties.put("server.port", port);
    properties.put("spring.main.banner-mode", "off");
    properties.put("server.max-http-request-header-size", "16KB");
    properties.put("server.tomcat.max-swallow-size", "70MB");
    properties.put("server.tomcat.max-http-form-post-size", "1MB");
    properties.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    properties.put("springdoc.api-docs.path", "/v3/api-docs");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.org.cordon", "INFO");
    app.setDefaultProperties(properties);
    app.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("cordonRuntime", runtime);
      context.getBeanFactory().registerSingleton("livePipeline", pipeline);
    });
    return app.run();
  }
}
