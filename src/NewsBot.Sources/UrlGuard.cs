using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NewsBot.Sources;

/// <summary>Thrown when a URL may not be fetched; the message says why in one line.</summary>
public sealed class SourceRefusedException(string message) : Exception(message)
{
    public SourceRefusedException()
        : this("refused")
    {
    }

    public SourceRefusedException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}

/// <summary>
/// Lets through only http and https URLs whose host resolves to public addresses: file://, loopback, private,
/// link-local and unique-local targets are refused unless <see cref="SourcesOptions.AllowPrivateNetworks"/> is on,
/// so an admin's /add cannot make the bot read the machine or the network it runs in. Every redirect hop is checked again.
/// </summary>
public sealed class UrlGuard(IOptions<SourcesOptions> options)
{
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            throw new SourceRefusedException($"'{text}' is not an absolute URL");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new SourceRefusedException($"{uri.Scheme}:// URLs are refused; only http and https are fetched");
        }

        return uri;
    }

    public async Task CheckAsync(Uri uri, CancellationToken cancellationToken)
    {
        _ = Parse(uri.OriginalString);
        if (options.Value.AllowPrivateNetworks)
        {
            return;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
            }
            catch (SocketException ex)
            {
                throw new SourceRefusedException($"host {uri.Host} not found ({ex.SocketErrorCode})");
            }
        }

        if (addresses.Length == 0 || addresses.Any(IsPrivate))
        {
            throw new SourceRefusedException($"{uri.Host} is a local or private-network address; refused (Sources:AllowPrivateNetworks allows it)");
        }
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)  // carrier-grade NAT
            || (b[0] == 169 && b[1] == 254)                // link-local, cloud metadata
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || b[0] >= 224;                                // multicast and reserved
    }
}
