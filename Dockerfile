# syntax=docker/dockerfile:1
# Multi-stage: restore, test, publish, then a small runtime image running as a non-root user.
#   docker build -t newsbot .                                                  the runtime image
#   docker build --build-context shared=../shared --target test .              the test stage (needs ../shared)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet restore NewsBot.sln

FROM build AS test
# The tests read ../shared (seed corpus, datasets) beside the sources, given as the named build context "shared",
# Debian's German–English dictionary for cross-lingual search, and PostgreSQL for the storage and multi-instance tests
# (a throwaway cluster from .ci/postgres, as in CI).
RUN apt-get update && apt-get install -y --no-install-recommends trans-de-en postgresql && rm -rf /var/lib/apt/lists/*
COPY --from=shared . /shared
RUN eval "$(.ci/postgres start)" && status=0 && { dotnet test NewsBot.sln -c Release || status=$?; } && .ci/postgres stop && exit $status

FROM build AS publish
# For the image's architecture, so the app's code is precompiled (ReadyToRun, see NewsBot.csproj): a fresh process answers
# sooner. Restores the runtime-specific packages the solution-wide restore above does not.
ARG TARGETARCH
RUN dotnet publish src/NewsBot/NewsBot.csproj -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The dictionary makes cross-lingual search work without a model (an English question about a German article).
RUN apt-get update && apt-get install -y --no-install-recommends trans-de-en && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=publish /app .
# The sample articles, so "docker run -it newsbot" answers at once; mount your own folder over /corpus.
COPY samples/corpus /corpus
ENV NEWSBOT_DATA=/data DOTNET_ENVIRONMENT=Production Host__Urls=http://+:8080
# The web listener: /healthz, /readyz, /metrics and (Telegram webhook mode) the webhook, all on one port.
EXPOSE 8080
# The runtime image has no curl: bash's /dev/tcp asks /healthz and expects a 200 status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
RUN mkdir -p /data && chown -R app:app /data /corpus
USER app
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "newsbot.dll"]
CMD ["run", "--corpus", "/corpus"]
