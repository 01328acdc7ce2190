# syntax=docker/dockerfile:1
# Multi-stage: restore, test, publish, then a small runtime image running as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet restore NewsBot.sln

FROM build AS test
# The tests read ../shared (seed corpus, datasets) when it is mounted beside the sources; without it those tests fail loudly.
RUN dotnet test NewsBot.sln -c Release

FROM build AS publish
RUN dotnet publish src/NewsBot/NewsBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends trans-de-en && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=publish /app .
ENV NEWSBOT_DATA=/data DOTNET_ENVIRONMENT=Production
RUN mkdir -p /data /corpus && chown -R app:app /data /corpus
USER app
VOLUME ["/data", "/corpus"]
ENTRYPOINT ["dotnet", "newsbot.dll"]
CMD ["run", "--corpus", "/corpus"]
