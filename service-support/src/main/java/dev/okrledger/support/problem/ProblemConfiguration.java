package dev.okrledger.support.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Every error a service answers is a problem: Spring MVC's through {@link CommonProblemHandler},
 * the servlet error page's through {@link ProblemErrorServlet}, Tomcat's own through
 * {@link ProblemReportValve}.
 */
@Configuration(proxyBeanMethods = false)
@Import(CommonProblemHandler.class)
public class ProblemConfiguration {

    /** Mapped exactly, so it comes before the DispatcherServlet (and Boot's error controller) at {@code /error}. */
    @Bean
    ServletRegistrationBean<ProblemErrorServlet> problemErrorPage(@Value("${server.error.path:/error}") String path) {
        return new ServletRegistrationBean<>(new ProblemErrorServlet(), path);
    }

    @Bean
    FilterRegistrationBean<UnreadableRequestFilter> unreadableRequests() {
        FilterRegistrationBean<UnreadableRequestFilter> registration =
                new FilterRegistrationBean<>(new UnreadableRequestFilter());
        // ahead of everything that reads the request: security, Spring MVC
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemReports problemReports() {
        return new ProblemReports();
    }

    /**
     * Boot puts an HTML {@link ErrorReportValve} on the host; swap it for the problem one. Ordered
     * last so that Boot's customizer has added its valve before this one removes it.
     */
    static class ProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> useProblemReports(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void useProblemReports(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemReportValve());
        if (host instanceof StandardHost standard) {
            // else the host adds its default HTML valve when it starts
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }
}
