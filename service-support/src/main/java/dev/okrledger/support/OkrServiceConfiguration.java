package dev.okrledger.support;

import dev.okrledger.support.policy.OkrPolicyConfiguration;
import dev.okrledger.support.problem.ProblemConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every service has besides security: its errors answered as problems in the shared
 * vocabulary, and the organisation's OKR policy with the clock its rules read. Import it from the
 * service's application class.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemConfiguration.class, OkrPolicyConfiguration.class})
public class OkrServiceConfiguration {}
