import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigError } from '../datasources/config';
import { loadDataSources } from '../datasources/registry';
import { App } from './App';
import { BootErrorPage, BootSpinner, ConfigErrorPage } from './BootScreens';
import './theme.css';

/**
 * Boot: read config.json (or fall back to the embedded demo), then render. A bad config gets a page
 * of its own naming the field, because nothing else can work until the file is fixed.
 */
async function boot(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  root.render(<BootSpinner />);
  try {
    const dataSources = await loadDataSources();
    root.render(
      <StrictMode>
        <App dataSources={dataSources} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(error instanceof ConfigError ? <ConfigErrorPage error={error} /> : <BootErrorPage error={error} />);
  }
}

void boot(document.getElementById('root')!);
