package com.commcredits.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.local.api.DevSignIn;
import com.commcredits.local.api.LocalHttpApi;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.emulator.EmbeddedEmulators;
import com.commcredits.local.events.EventSourceBinding;
import com.commcredits.local.events.SqsEventSourcePoller;
import com.commcredits.local.provision.ProvisionedStack;
import com.commcredits.local.provision.StackProvisioner;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.SamTemplate;
import com.commcredits.local.template.SqsEventSource;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SAM application of template.yaml, deployed locally: its tables and queues provisioned in the
 * emulators, each function's environment resolved as Lambda would give it, and pollers that feed
 * the functions from their SQS event sources as Lambda's event source mappings do.
 */
public final class LocalDeployment implements AutoCloseable {

  /**
   * How to start a deployment. Start from {@link #defaults()}.
   *
   * @param template empty: the nearest template.yaml in the working directory or above
   * @param dynamoDbPort 0: a free port (also {@code sqsPort}, {@code sesPort})
   * @param parameterOverrides template parameter values; SenderEmail, which has no default, is
   *     {@value #LOCAL_SENDER_EMAIL} and PaymentGateway is simulated (AllowSimulatedPayments=true)
   *     unless overridden
   * @param failedMessageRetryDelay how soon a failed message is delivered again (see {@link
   *     SqsEventSourcePoller})
   */
  public record Options(
      Optional<Path> template,
      int dynamoDbPort,
      int sqsPort,
      int sesPort,
      String stackName,
      Map<String, String> parameterOverrides,
      Duration failedMessageRetryDelay) {

    public static final String LOCAL_SENDER_EMAIL = "billing@comm-credits.local";

    public Options {
      parameterOverrides = Map.copyOf(parameterOverrides);
      if (stackName.length() < 3) {
        throw new IllegalArgumentException("a stack name needs 3 characters or more");
      }
    }

    public static Options defaults() {
      return new Options(
          Optional.empty(),
          0,
          0,
          0,
          "comm-credits",
          // A local stack is a test stage: its cards are Stripe's test tokens, charged by the
          // simulated gateway (PaymentGateway has no default in a real deployment).
          Map.of(
              "SenderEmail",
              LOCAL_SENDER_EMAIL,
              "PaymentGateway",
              "simulated",
              "AllowSimulatedPayments",
              "true"),
          Duration.ofSeconds(1));
    }

    public Options withTemplate(Path template) {
      return new Options(
          Optional.of(template),
          dynamoDbPort,
          sqsPort,
          sesPort,
          stackName,
          parameterOverrides,
          failedMessageRetryDelay);
    }

    public Options withPorts(int dynamoDbPort, int sqsPort, int sesPort) {
      return new Options(
          template,
          dynamoDbPort,
          sqsPort,
          sesPort,
          stackName,
          parameterOverrides,
          failedMessageRetryDelay);
    }

    public Options withStackName(String stackName) {
      return new Options(
          template,
          dynamoDbPort,
          sqsPort,
          sesPort,
          stackName,
          parameterOverrides,
          failedMessageRetryDelay);
    }

    public Options withParameter(String name, String value) {
      Map<String, String> overrides = new HashMap<>(parameterOverrides);
      overrides.put(name, value);
      return new Options(
          template, dynamoDbPort, sqsPort, sesPort, stackName, overrides, failedMessageRetryDelay);
    }

    public Options withFailedMessageRetryDelay(Duration delay) {
      return new Options(
          template, dynamoDbPort, sqsPort, sesPort, stackName, parameterOverrides, delay);
    }

    public Path templatePath() {
      return template.orElseGet(() -> SamTemplate.locate(Path.of("")));
    }
  }

  private static final Duration QUIESCENCE_POLL = Duration.ofMillis(100);

  private final Options options;
  private final SamTemplate template;
  private final Backend backend;
  private final boolean ownsBackend;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final SesV2Client sesV2;
  private final ProvisionedStack stack;
  private final AtomicInteger invocationsInProgress = new AtomicInteger();
  private final Map<String, List<SqsEventSourcePoller>> pollers = new LinkedHashMap<>();
  private final List<LocalHttpApi> httpApis = new ArrayList<>();

  private LocalDeployment(
      Options options, SamTemplate template, Backend backend, boolean ownsBackend) {
    this.options = options;
    this.template = template;
    this.backend = backend;
    this.ownsBackend = ownsBackend;
    Endpoints endpoints = backend.endpoints();
    this.dynamoDb = SdkClients.dynamoDb(endpoints.dynamoDb());
    this.sqs = SdkClients.sqs(endpoints.sqs());
    this.sesV2 = SdkClients.sesV2(endpoints.ses());
    this.stack =
        new StackProvisioner(
                template, options.stackName(), options.parameterOverrides(), dynamoDb, sqs)
            .provision(endpoints);
    stack.functionEnvironments().values().stream()
        .map(environment -> environment.get("SENDER_EMAIL"))
        .filter(sender -> sender != null && !sender.isBlank())
        .distinct()
        .forEach(sender -> backend.allowSender(sender, sesV2));
  }

  public static LocalDeployment start() {
    return start(Options.defaults());
  }

  /** Starts the embedded emulators and deploys into them; {@link #close()} stops them. */
  public static LocalDeployment start(Options options) {
    Path templatePath = options.templatePath();
    SamTemplate template = SamTemplate.read(templatePath);
    Backend emulators =
        EmbeddedEmulators.start(
            options.dynamoDbPort(),
            options.sqsPort(),
            options.sesPort(),
            templatePath.toAbsolutePath().getParent());
    try {
      return new LocalDeployment(options, template, emulators, true);
    } catch (RuntimeException e) {
      emulators.close();
      throw e;
    }
  }

  /**
   * Deploys into a backend that the caller started and will close (ports in {@code options} are not
   * used). Use a stack name of its own for each deployment sharing one backend.
   */
  public static LocalDeployment start(Options options, Backend backend) {
    return new LocalDeployment(options, SamTemplate.read(options.templatePath()), backend, false);
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public SesV2Client sesV2() {
    return sesV2;
  }

  public Endpoints endpoints() {
    return backend.endpoints();
  }

  public SamTemplate template() {
    return template;
  }

  public String stackName() {
    return options.stackName();
  }

  public String tableName(String logicalId) {
    return known(stack.tableNames(), logicalId, "table");
  }

  public String queueUrl(String logicalId) {
    return known(stack.queueUrls(), logicalId, "queue");
  }

  public String queueArn(String logicalId) {
    return known(stack.queueArns(), logicalId, "queue");
  }

  /** The environment Lambda would give the function, pointed at the local services. */
  public Map<String, String> functionEnvironment(String functionLogicalId) {
    return known(stack.functionEnvironments(), functionLogicalId, "function");
  }

  /** A fresh handler of the function, built with its public constructor taking the environment. */
  @SuppressWarnings("unchecked")
  public RequestHandler<SQSEvent, SQSBatchResponse> newHandler(String functionLogicalId) {
    return (RequestHandler<SQSEvent, SQSBatchResponse>) newFunction(functionLogicalId);
  }

  /**
   * Serves the template's HTTP APIs on {@code host:port} (0: a free port), their JWT authorizers
   * played by {@code issuer}'s keys; stopped with the deployment.
   */
  public synchronized LocalHttpApi startHttpApi(String host, int port, LocalTokenIssuer issuer) {
    LocalHttpApi api =
        new LocalHttpApi(
            template,
            this::newFunction,
            issuer.publicKeys(),
            LocalTokenIssuer.ISSUER,
            LocalTokenIssuer.AUDIENCE,
            host,
            port,
            System.out);
    api.serveLocalEndpoint(DevSignIn.PATH, new DevSignIn(issuer));
    httpApis.add(api);
    return api;
  }

  /** A fresh instance of the function's handler class, whatever event it takes. */
  public Object newFunction(String functionLogicalId) {
    FunctionSpec function = function(functionLogicalId);
    Map<String, String> environment = functionEnvironment(functionLogicalId);
    try {
      Class<?> type = Class.forName(function.handlerClassName());
      return type.getConstructor(Map.class).newInstance(environment);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException(
          functionLogicalId
              + ": needs class "
              + function.handlerClassName()
              + " with a public constructor taking Map<String, String> (the environment)",
          e);
    } catch (InstantiationException | InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          functionLogicalId + ": constructing " + function.handlerClassName() + " failed: " + cause,
          cause);
    }
  }

  public synchronized void startEventSources() {
    startEventSources(template.functions().keySet().toArray(String[]::new));
  }

  /** Starts the SQS event sources of the given functions; running ones are left as they are. */
  public synchronized void startEventSources(String... functionLogicalIds) {
    for (String id : functionLogicalIds) {
      FunctionSpec function = function(id);
      if (pollers.containsKey(id)) {
        continue;
      }
      List<SqsEventSourcePoller> started = new ArrayList<>();
      for (SqsEventSource source : function.sqsEventSources()) {
        if (!source.enabled()) {
          continue;
        }
        String functionName = stack.functionName(id);
        EventSourceBinding binding =
            new EventSourceBinding(
                function,
                source,
                functionName,
                "arn:aws:lambda:"
                    + SdkClients.REGION
                    + ":"
                    + StackProvisioner.ACCOUNT_ID
                    + ":function:"
                    + functionName,
                queueUrl(source.queueLogicalId()),
                queueArn(source.queueLogicalId()),
                SdkClients.REGION);
        started.add(
            new SqsEventSourcePoller(
                    binding,
                    () -> newHandler(id),
                    sqs,
                    options.failedMessageRetryDelay(),
                    invocationsInProgress,
                    System.out)
                .start());
      }
      pollers.put(id, started);
    }
  }

  /** The functions whose SQS event sources run, e.g. to start them again after a quiet test. */
  public synchronized List<String> runningEventSources() {
    return List.copyOf(pollers.keySet());
  }

  /** Stops every event source; each finishes the batch it holds first. */
  public synchronized void stopEventSources() {
    pollers.values().stream().flatMap(List::stream).parallel().forEach(SqsEventSourcePoller::close);
    pollers.clear();
  }

  /**
   * Waits until the queues that running event sources consume hold no message (visible, in flight
   * or delayed) and no handler runs, seen twice in a row. Dead-letter queues are not watched, and
   * neither are queues whose consumer is not started, so a test can run one step and then inspect
   * what it sent on.
   *
   * @throws IllegalStateException with the queue depths, when {@code timeout} passes first
   */
  public void awaitQuiescence(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int quietObservations = 0;
    Map<String, Depth> depths = Map.of();
    while (true) {
      depths = depthsOfConsumedQueues();
      boolean quiet =
          invocationsInProgress.get() == 0 && depths.values().stream().allMatch(Depth::isEmpty);
      quietObservations = quiet ? quietObservations + 1 : 0;
      if (quietObservations == 2) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "not quiet after "
                + timeout
                + ": "
                + invocationsInProgress.get()
                + " invocation(s) running; queues "
                + depths);
      }
      sleep(QUIESCENCE_POLL);
    }
  }

  private Map<String, Depth> depthsOfConsumedQueues() {
    List<String> consumed;
    synchronized (this) {
      consumed =
          pollers.values().stream()
              .flatMap(List::stream)
              .map(p -> p.binding().source().queueLogicalId())
              .filter(id -> !template.deadLetterQueues().contains(id))
              .distinct()
              .toList();
    }
    Map<String, Depth> depths = new LinkedHashMap<>();
    consumed.forEach(id -> depths.put(id, depth(id)));
    return depths;
  }

  /** Messages in a queue: visible, in flight and delayed. */
  public int approximateDepth(String queueLogicalId) {
    return depth(queueLogicalId).total();
  }

  private Depth depth(String queueLogicalId) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl(queueLogicalId))
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return new Depth(
        count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
        count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
        count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }

  private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    return Integer.parseInt(attributes.getOrDefault(name, "0"));
  }

  private record Depth(int visible, int inFlight, int delayed) {
    boolean isEmpty() {
      return total() == 0;
    }

    int total() {
      return visible + inFlight + delayed;
    }

    @Override
    public String toString() {
      return visible + " visible/" + inFlight + " in flight/" + delayed + " delayed";
    }
  }

  /** Empties every queue of the stack, dead-letter queues included. */
  public void purgeQueues() {
    for (String url : stack.queueUrls().values()) {
      try {
        sqs.purgeQueue(r -> r.queueUrl(url));
      } catch (PurgeQueueInProgressException recentlyPurged) {
        drain(url);
      }
    }
  }

  private void drain(String url) {
    List<Message> messages;
    do {
      messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
      messages.forEach(
          m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
    } while (!messages.isEmpty());
  }

  public List<SentEmail> sentEmails() {
    return backend.sentEmails();
  }

  public void clearSentEmails() {
    backend.clearSentEmails();
  }

  private FunctionSpec function(String functionLogicalId) {
    FunctionSpec function = template.functions().get(functionLogicalId);
    if (function == null) {
      throw new IllegalArgumentException(
          "no function "
              + functionLogicalId
              + " in the template; there are "
              + template.functions().keySet());
    }
    return function;
  }

  private static <V> V known(Map<String, V> byLogicalId, String logicalId, String kind) {
    V value = byLogicalId.get(logicalId);
    if (value == null) {
      throw new IllegalArgumentException(
          "no "
              + kind
              + " "
              + logicalId
              + " in the template; there are "
              + byLogicalId.keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
    return value;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      synchronized (this) {
        httpApis.forEach(LocalHttpApi::close);
        httpApis.clear();
      }
      stopEventSources();
    } finally {
      dynamoDb.close();
      sqs.close();
      sesV2.close();
      if (ownsBackend) {
        backend.close();
      }
    }
  }
}
