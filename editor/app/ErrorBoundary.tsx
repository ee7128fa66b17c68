// Catches a rendering bug in one screen or panel so the rest of the studio keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  children: ReactNode;
  /** Shown instead of the default message. */
  fallback?: (error: Error, reset: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Editor error', error, info.componentStack);
  }

  reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <div className="error-panel" role="alert">
        <Icon name="error" size={20} />
        <div>
          <strong>This part of the editor stopped working.</strong>
          <p className="muted">{error.message}</p>
          <button type="button" className="btn btn-sm" onClick={this.reset}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
