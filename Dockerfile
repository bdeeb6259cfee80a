# Builds and runs the ledger service. Used by docker-compose.yml; base images pinned.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17.0.13_11-jre
RUN useradd --system --uid 10001 ledger
COPY --from=build /src/ledger-service/target/ledger-service.jar /app/ledger-service.jar
USER ledger
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx256m", "-jar", "/app/ledger-service.jar"]
