# syntax=docker/dockerfile:1
# Nautilus: one image, every engine. Run all-in-one (default) or one engine per container with --engine.

# ---- build stage: JDK 25 + Maven wrapper ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY api/pom.xml api/pom.xml
COPY core/pom.xml core/pom.xml
COPY bus/pom.xml bus/pom.xml
COPY testkit/pom.xml testkit/pom.xml
COPY testkit-engine/pom.xml testkit-engine/pom.xml
COPY engines/ engines/
COPY launcher/pom.xml launcher/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
COPY api/ api/
COPY core/ core/
COPY bus/ bus/
COPY testkit/ testkit/
COPY testkit-engine/ testkit-engine/
COPY launcher/ launcher/
# (no AOT training run here: an AOT cache only fits the JVM that recorded it, and the runtime image has its own)
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl launcher -am package -DskipTests -Dnautilus.aot.skip=true

# ---- runtime stage: JRE 25 only, non-root ----
FROM eclipse-temurin:25-jre
RUN groupadd --system nautilus && useradd --system --gid nautilus --home-dir /app --shell /usr/sbin/nologin nautilus \
    && mkdir -p /app/data && chown -R nautilus:nautilus /app
WORKDIR /app
COPY --from=build --chown=nautilus:nautilus /src/launcher/target/nautilus.jar /app/nautilus.jar
USER nautilus
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError --sun-misc-unsafe-memory-access=allow" \
    NAUTILUS_BIND=0.0.0.0 \
    NAUTILUS_DATA_DIR=/app/data \
    NAUTILUS_HEALTH_PORT=8800
VOLUME ["/app/data"]
EXPOSE 8100 8200 8300 8400 8500 8600 8700 8800 8900
# No curl in the image: the jar checks /health itself. NAUTILUS_HEALTH_PORT is set per service in docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["sh", "-c", "exec java -XX:TieredStopAtLevel=1 -Xshare:auto -jar /app/nautilus.jar health --port ${NAUTILUS_HEALTH_PORT}"]
ENTRYPOINT ["java", "-jar", "/app/nautilus.jar"]
