using System.Collections.Concurrent;

namespace NewsBot.Core.Policies;

/// <summary>
/// The answer each user has in flight (at most one), so a second question can be refused and <c>/cancel</c> can stop it.
/// </summary>
public sealed class RunningAnswers
{
    private readonly ConcurrentDictionary<UserKey, RunningAnswer> _running = new();

    /// <summary>How many answers are in flight (running or waiting for a slot).</summary>
    public int Count => _running.Count;

    /// <summary>Registers the user's answer, or null when one is already in flight.</summary>
    public RunningAnswer? TryStart(UserKey user, CancellationToken cancellationToken)
    {
        var run = new RunningAnswer(this, user, cancellationToken);
        if (_running.TryAdd(user, run))
        {
            return run;
        }

        run.Dispose();
        return null;
    }

    /// <summary>Cancels the user's answer; false when none is running.</summary>
    public bool TryCancel(UserKey user) => _running.TryGetValue(user, out var run) && run.Cancel();

    private void Remove(UserKey user, RunningAnswer run) => _running.TryRemove(new KeyValuePair<UserKey, RunningAnswer>(user, run));

    /// <summary>One user's answer in flight; its token ends with the request's own token or with /cancel.</summary>
    public sealed class RunningAnswer : IDisposable
    {
        private readonly RunningAnswers _owner;
        private readonly UserKey _user;
        private readonly CancellationTokenSource _cts;
        private readonly Lock _gate = new();
        private bool _done;
        private bool _cancelling;

        internal RunningAnswer(RunningAnswers owner, UserKey user, CancellationToken cancellationToken)
        {
            _owner = owner;
            _user = user;
            _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Token = _cts.Token;
        }

        public CancellationToken Token { get; }

        /// <summary>True once /cancel stopped this answer.</summary>
        public bool CancelledByUser { get; private set; }

        internal bool Cancel()
        {
            lock (_gate)
            {
                if (_done || CancelledByUser)
                {
                    return !_done;
                }

                CancelledByUser = true;
                _cancelling = true;
            }

            // Outside the lock: cancellation callbacks may run the answer to its end, which disposes this run.
            try
            {
                _cts.Cancel();
            }
            finally
            {
                lock (_gate)
                {
                    _cancelling = false;
                    if (_done)
                    {
                        _cts.Dispose();
                    }
                }
            }

            return true;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                _done = true;
                if (!_cancelling)
                {
                    // While a cancel is under way, it disposes the source when it is done.
                    _cts.Dispose();
                }
            }

            _owner.Remove(_user, this);
        }
    }
}
